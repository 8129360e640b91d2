package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender alone against a receiver on localhost: policy, redirects, body cap, timeout. */
class WebhookSenderTest {

  private static Receiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = new Receiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static WebhookSender sender(TargetPolicy policy) {
    return new WebhookSender(policy, Duration.ofSeconds(1), 16, Clock.systemUTC());
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
