package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request line or header block past the server's limits is refused as soon as the limit is
 * passed, not held in memory while the client goes on sending: with limits of 1 MiB, 300
 * connections sending unfinished lines filled the direct memory and an ordinary request waited 26
 * seconds.
 */
@QuarkusTest
class OversizedRequestTest {

  @Test
  void aRequestLineOverSixteenKibIsRefusedBeforeItEnds() throws IOException {
    String unfinished = "GET /api/v1/articles?q=" + "a".repeat(17_000);
    assertThat(statusLineAfterSending(unfinished)).matches("HTTP/1\\.[01] 414 .*");
  }

  @Test
  void aHeaderBlockOverThirtyTwoKibIsRefusedBeforeItEnds() throws IOException {
    String unfinished =
        "GET /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(33_000);
    assertThat(statusLineAfterSending(unfinished)).matches("HTTP/1\\.[01] 431 .*");
  }

  /** Sends the start of a request that never ends, and reads the server's first line. */
  private static String statusLineAfterSending(String start) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(start.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      return String.valueOf(in.readLine());
    }
  }
}
