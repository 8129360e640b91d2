package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender alone against a receiver on localhost: policy, redirects, body cap, timeout. */
class WebhookSenderTest {

  private static Receiver receiver;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    receiver = new Receiver();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    vertx.close();
  }

  private static WebhookSender sender(TargetPolicy policy) {
    return new WebhookSender(vertx, policy, Duration.ofSeconds(1), 16, Clock.systemUTC());
  }

  private static Claimed delivery(String url, String secret) {
    return new Claimed(
        1,
        2,
        3,
        0,
        Instant.now(),
        OffsetDateTime.now(),
        DeliveryRows.messageId(),
        "article.published",
        "{\"id\":1}",
        url,
        secret,
        null);
  }

  @Test
  void anInternalTargetIsRefusedBeforeAnyConnectionAndTheRefusalIsAFailedAttempt() {
    String url = receiver.path("/internal", n -> Receiver.Answer.status(200));
    Attempt attempt =
        sender(new TargetPolicy(true, false)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.status()).isNull();
    assertThat(attempt.error()).startsWith("refused: ").contains("internal address");
    assertThat(receiver.on("/internal")).isEmpty();
  }

  /**
   * The connection goes to the address the policy checked, under the target's own name: a name that
   * the system cannot resolve (the reserved {@code .invalid}), which the policy's resolver maps to
   * this receiver once and then no more, is delivered to, named in the request's {@code Host}.
   * Looked up again by the HTTP client, as before, it did not resolve; and a name that answers an
   * allowed address to the check and an internal one to a second look-up (DNS rebinding) would have
   * been called at the internal one.
   */
  @Test
  void theConnectionGoesToTheAddressThePolicyCheckedUnderTheTargetsName() {
    String url =
        receiver
            .path("/pinned", n -> Receiver.Answer.status(204))
            .replace("127.0.0.1", "receiver.invalid");
    int[] lookUps = {0};
    TargetPolicy.Resolver once =
        host -> {
          if (!host.equals("receiver.invalid") || lookUps[0]++ > 0) {
            throw new UnknownHostException(host);
          }
          return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
    Attempt attempt =
        sender(new TargetPolicy(true, true, once)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.error()).isNull();
    assertThat(attempt.status()).isEqualTo(204);
    assertThat(receiver.on("/pinned"))
        .singleElement()
        .extracting(Receiver.Received::host)
        .isEqualTo("receiver.invalid:" + receiver.port());
  }

  /**
   * A target named by an IPv6 address ({@code http://[::1]:port/...}, as URLs spell one) is
   * connected to at that address and named in the {@code Host} header in brackets, as HTTP/1.1
   * requires: written unbracketed, "::1:port" is no host a server can read.
   */
  @Test
  void aTargetNamedByAnIpv6AddressIsCalledThereWithABracketedHost() throws Exception {
    Receiver onIpv6 = new Receiver(InetAddress.getByName("::1"));
    try {
      String url = "http://[::1]:" + onIpv6.port() + "/v6";
      onIpv6.path("/v6", n -> Receiver.Answer.status(204));
      Attempt attempt =
          sender(new TargetPolicy(true, true)).send(delivery(url, DeliveryRows.secret()));
      assertThat(attempt.error()).isNull();
      assertThat(attempt.status()).isEqualTo(204);
      assertThat(onIpv6.on("/v6"))
          .singleElement()
          .extracting(Receiver.Received::host)
          .isEqualTo("[::1]:" + onIpv6.port());
    } finally {
      onIpv6.close();
    }
  }

  /**
   * Over https the certificate is checked against the target's name, not the address connected to,
   * and against the JVM's authorities unless told otherwise: a receiver whose certificate names
   * {@code receiver.invalid} (a test key store) is delivered to under that name, refused under
   * another name at the same address, and refused when its certificate is not trusted. The key
   * stores were made with keytool: an EC P-256 key, self-signed for 100 years, the name as subject
   * and DNS subject alternative name; the trust store holds its certificate.
   */
  @Test
  void overHttpsTheCertificateMustNameTheTargetsHost() throws Exception {
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PfxOptions()
                            .setPath("webhook-receiver.p12")
                            .setPassword("receiver-test")))
            .requestHandler(request -> request.response().setStatusCode(204).end())
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      TargetPolicy loopback =
          new TargetPolicy(
              false, true, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
      PfxOptions trust =
          new PfxOptions().setPath("webhook-receiver-trust.p12").setPassword("receiver-test");
      WebhookSender trusting =
          new WebhookSender(vertx, loopback, Duration.ofSeconds(5), 16, Clock.systemUTC(), trust);
      String named = "https://receiver.invalid:" + server.actualPort() + "/hook";
      String otherName = "https://elsewhere.invalid:" + server.actualPort() + "/hook";

      Attempt delivered = trusting.send(delivery(named, DeliveryRows.secret()));
      assertThat(delivered.error()).isNull();
      assertThat(delivered.status()).isEqualTo(204);

      Attempt wrongName = trusting.send(delivery(otherName, DeliveryRows.secret()));
      assertThat(wrongName.status()).isNull();
      assertThat(wrongName.error()).isNotNull();

      Attempt untrusted =
          new WebhookSender(vertx, loopback, Duration.ofSeconds(5), 16, Clock.systemUTC())
              .send(delivery(named, DeliveryRows.secret()));
      assertThat(untrusted.status()).isNull();
      assertThat(untrusted.error()).isNotNull();
    } finally {
      server.close();
    }
  }

  @Test
  void plainHttpIsRefusedUnlessAllowed() {
    String url = receiver.path("/plain", n -> Receiver.Answer.status(200));
    Attempt attempt =
        sender(new TargetPolicy(false, true)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.error()).startsWith("refused: ");
    assertThat(receiver.on("/plain")).isEmpty();
  }

  @Test
  void aRedirectIsNotFollowedAndDoesNotCount() {
    String elsewhere = receiver.path("/elsewhere", n -> Receiver.Answer.status(200));
    String url =
        receiver.path(
            "/moved", n -> new Receiver.Answer(307, 0, Map.of("Location", elsewhere), ""));
    Attempt attempt =
        sender(new TargetPolicy(true, true)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.status()).isEqualTo(307);
    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.error()).isEqualTo("the target answered 307");
    assertThat(receiver.on("/elsewhere")).isEmpty();
  }

  @Test
  void onlyTheFirstBytesOfTheAnswerAreKept() {
    String url =
        receiver.path("/long", n -> new Receiver.Answer(200, 0, Map.of(), "x".repeat(100_000)));
    Attempt attempt =
        sender(new TargetPolicy(true, true)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.delivered()).isTrue();
    assertThat(attempt.responseExcerpt()).isEqualTo("x".repeat(16));
  }

  @Test
  void aSlowReceiverTimesOut() {
    String url = receiver.path("/sleepy", n -> new Receiver.Answer(200, 3_000, Map.of(), ""));
    Attempt attempt =
        sender(new TargetPolicy(true, true)).send(delivery(url, DeliveryRows.secret()));
    assertThat(attempt.status()).isNull();
    assertThat(attempt.error()).isEqualTo("no answer within 1000 ms");
    assertThat(attempt.durationMillis()).isBetween(900L, 2_900L);
  }

  @Test
  void theTimeoutIsAtMostFifteenSeconds() {
    assertThat(WebhookSender.boundedTimeout(Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(WebhookSender.boundedTimeout(Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofSeconds(3));
  }
}
