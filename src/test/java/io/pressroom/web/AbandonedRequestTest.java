package io.pressroom.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.RecordedLogs;
import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up while it is still sending its request body (a phone losing its network
 * during an upload) leaves no server error behind: no error in the log, no 5xx in the metrics
 * operators alert on. Before, each such request logged "Unexpected failure" with a stack trace and
 * counted as a 500, which any anonymous client could repeat as fast as it opens connections.
 */
@QuarkusTest
class AbandonedRequestTest {

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void anAnonymousSignInCutOffMidBodyIsNoServerError() throws Exception {
    assertNoServerError("/api/v1/auth/token", null);
  }

  @Test
  void aSignedInCommentCutOffMidBodyIsNoServerErrorAndSavesNothing() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    String comments = "/api/v1/articles/" + slug + "/comments";
    assertNoServerError(comments, reader.accessToken());
    reader.request().get(comments).then().statusCode(200).body("items", empty());
  }

  private void assertNoServerError(String path, String token) throws Exception {
    double serverErrors = count("5\\d\\d");
    double clientErrors = count("4\\d\\d");
    try (RecordedLogs errors = RecordedLogs.of(ProblemMappers.class, Level.SEVERE)) {
      hangUpMidBody(path, token);
      // Once the metrics count it, the request's failure has been mapped (and logged, if at all).
      Eventually.within(
          Duration.ofSeconds(10), () -> count("[45]\\d\\d"), n -> n > serverErrors + clientErrors);
      assertThat(count("5\\d\\d")).as("5xx answers counted").isEqualTo(serverErrors);
      assertThat(count("4\\d\\d")).as("4xx answers counted").isEqualTo(clientErrors + 1);
      assertThat(errors.records()).extracting(LogRecord::getMessage).isEmpty();
    }
    given().get("/api/v1/tags").then().statusCode(200);
  }

  /** Sends the head of a POST and the first bytes of the body it announces, then hangs up. */
  private static void hangUpMidBody(String path, String token) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1000\r\n"
              + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
              + "\r\n{\"body\":\"Half a comm";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The POST requests the metrics count with a status matching {@code status}, whichever route they
   * name (one cut off before its body was read may name only part of its path).
   */
  private double count(String status) {
    String text = given().get(metrics).then().statusCode(200).extract().asString();
    Matcher line =
        Pattern.compile("^http_server_requests_seconds_count\\{(.*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(text);
    Pattern wanted = Pattern.compile("status=\"" + status + "\"");
    double total = 0;
    while (line.find()) {
      String labels = line.group(1);
      if (labels.contains("method=\"POST\"") && wanted.matcher(labels).find()) {
        total += Double.parseDouble(line.group(2));
      }
    }
    return total;
  }
}
