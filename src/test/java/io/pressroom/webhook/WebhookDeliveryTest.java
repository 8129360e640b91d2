package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.support.Eventually;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dispatcher of the running application sending to a real receiver on localhost, which verifies
 * every signature with the Standard Webhooks reference library. Subscriptions and events are
 * written with SQL, as the API and the recorder write them.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryProfile.class)
class WebhookDeliveryTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static Receiver receiver;

  @Inject DataSource dataSource;
  @Inject Event<WebhookEventsRecorded> recorded;
  @Inject MeterRegistry meters;
  @Inject PressroomConfig config;
  @Inject Vertx vertx;
  @Inject WebhookService service;
  @Inject WebhookQueries queries;
  private DeliveryRows rows;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new Receiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void setUp() {
    rows = new DeliveryRows(dataSource);
    // Subscriptions other test classes left behind point nowhere reachable: not this test's.
    rows.value(
        "update webhook_subscriptions set enabled = false where url not like 'http://127.0.0.1:%'");
  }

  /** Each test's subscriptions stop taking events once it is over. */
  @AfterEach
  void disableSubscriptions() {
    rows.value(
        "update webhook_subscriptions set enabled = false where url like 'http://127.0.0.1:%'");
  }

  private void recorded() {
    recorded.fire(new WebhookEventsRecorded());
  }

  private Object state(String messageId, long subscription) {
    Object state =
        rows.value(
            "select d.state from webhook_deliveries d join webhook_events e on e.id = d.event_id"
                + " where e.message_id = ? and d.subscription_id = ?",
            messageId,
            subscription);
    return state == null ? "none" : state;
  }

  private Object attempts(String messageId, long subscription) {
    Object attempts =
        rows.value(
            "select d.attempts from webhook_deliveries d join webhook_events e on e.id = d.event_id"
                + " where e.message_id = ? and d.subscription_id = ?",
            messageId,
            subscription);
    return attempts == null ? 0 : ((Number) attempts).intValue();
  }

  private void dueNow(String messageId) {
    rows.value(
        "update webhook_deliveries set next_attempt_at = now() where state = 'pending' and"
            + " event_id = (select id from webhook_events where message_id = ?)",
        messageId);
    recorded();
  }

  private double counter(String name, String tag, String value) {
    return meters.get(name).tag(tag, value).counter().count();
  }

  /**
   * The loop counts an outcome just after it commits the outcome's rows, so a test that saw the
   * rows waits a moment for the count.
   */
  private void counterReaches(String name, String tag, String value, double expected) {
    Eventually.within(DEADLINE, () -> counter(name, tag, value), c -> c >= expected);
    assertThat(counter(name, tag, value)).isEqualTo(expected);
  }

  @Test
  void aCommittedEventIsSentSignedOnceAndLogged() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path("/signed", n -> new Receiver.Answer(200, 0, Map.of(), "thanks"), secret);
    long subscription = rows.subscription(url, secret, "test.signed");
    double delivered = counter("pressroom.webhook.deliveries", "outcome", "delivered");

    String messageId = rows.event("test.signed");
    recorded();

    Receiver.Received got =
        Eventually.within(DEADLINE, () -> receiver.on("/signed"), l -> !l.isEmpty()).get(0);
    assertThat(got.webhookId()).isEqualTo(messageId);
    assertThat(got.verified()).containsExactly(true);
    assertThat(got.signature()).startsWith("v1,").doesNotContain(" ");
    assertThat(Long.parseLong(got.timestamp()))
        .isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 1);
    assertThat(got.contentType()).isEqualTo("application/json");
    assertThat(got.userAgent()).isEqualTo("Pressroom-Webhooks/1");
    assertThat(got.body())
        .isEqualTo(
            rows.value("select payload from webhook_events where message_id = ?", messageId));
    Eventually.within(DEADLINE, () -> state(messageId, subscription), "delivered"::equals);
    assertThat(attempts(messageId, subscription)).isEqualTo(1);
    assertThat(
            rows.value(
                "select status || ' ' || response_excerpt || ' ' || (error is null)"
                    + " from webhook_attempts where subscription_id = ?",
                subscription))
        .isEqualTo("200 thanks true");
    Eventually.within(
        DEADLINE,
        () -> counter("pressroom.webhook.deliveries", "outcome", "delivered"),
        c -> c > delivered);
    assertThat(receiver.on("/signed")).hasSize(1);
  }

  @Test
  void aFailingReceiverGetsTheSameMessageAgainUntilItAnswers2xx() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path(
            "/flaky",
            n -> n == 1 ? Receiver.Answer.status(500) : Receiver.Answer.status(n == 2 ? 302 : 204),
            secret);
    long subscription = rows.subscription(url, secret, "test.flaky");
    String messageId = rows.event("test.flaky");
    recorded();

    Eventually.within(DEADLINE, () -> attempts(messageId, subscription), a -> a.equals(1));
    assertThat(state(messageId, subscription)).isEqualTo("pending");
    // The retry waits at most the first ceiling (30 s) and at least a second.
    Object wait =
        rows.value(
            "select extract(epoch from d.next_attempt_at - d.last_attempt_at)"
                + " from webhook_deliveries d where d.subscription_id = ?",
            subscription);
    assertThat(((Number) wait).doubleValue()).isBetween(0.9, 30.1);
    assertThat(
            rows.value(
                "select error from webhook_attempts where subscription_id = ? and status = 500",
                subscription))
        .isEqualTo("the target answered 500");

    dueNow(messageId); // as if the wait were over
    Eventually.within(DEADLINE, () -> attempts(messageId, subscription), a -> a.equals(2));
    dueNow(messageId);
    Eventually.within(DEADLINE, () -> state(messageId, subscription), "delivered"::equals);

    List<Receiver.Received> got = receiver.on("/flaky");
    assertThat(got).hasSize(3);
    assertThat(got).extracting(Receiver.Received::webhookId).containsOnly(messageId);
    assertThat(got).extracting(Receiver.Received::verified).containsOnly(List.of(true));
    assertThat(
            rows.value(
                "select string_agg(status::text, ',' order by id) from webhook_attempts"
                    + " where subscription_id = ?",
                subscription))
        .isEqualTo("500,302,204");
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/slow", n -> new Receiver.Answer(200, 3_000, Map.of(), ""), secret);
    long subscription = rows.subscription(url, secret, "test.slow");
    String messageId = rows.event("test.slow");
    recorded();

    Eventually.within(DEADLINE, () -> attempts(messageId, subscription), a -> a.equals(1));
    assertThat(state(messageId, subscription)).isEqualTo("pending");
    assertThat(
            rows.value(
                "select (status is null) || ' ' || error from webhook_attempts"
                    + " where subscription_id = ?",
                subscription))
        .isEqualTo("true no answer within 1000 ms");
    assertThat(
            ((Number)
                    rows.value(
                        "select duration_ms from webhook_attempts where subscription_id = ?",
                        subscription))
                .intValue())
        .isBetween(900, 2_900);
  }

  @Test
  void retryAfterIsHonoured() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path(
            "/busy", n -> new Receiver.Answer(429, 0, Map.of("Retry-After", "3600"), ""), secret);
    long subscription = rows.subscription(url, secret, "test.busy");
    String messageId = rows.event("test.busy");
    recorded();

    Eventually.within(DEADLINE, () -> attempts(messageId, subscription), a -> a.equals(1));
    Object wait =
        rows.value(
            "select extract(epoch from d.next_attempt_at - d.last_attempt_at)"
                + " from webhook_deliveries d where d.subscription_id = ?",
            subscription);
    assertThat(((Number) wait).doubleValue()).isBetween(3_599.0, 3_601.0);
  }

  @Test
  void a410DisablesTheSubscriptionAndFailsItsPendingDeliveries() {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/gone", n -> Receiver.Answer.status(410), secret);
    long subscription = rows.subscription(url, secret, "test.gone");
    // Another delivery of the subscription, waiting for a retry in an hour.
    String waiting = DeliveryRows.messageId();
    long waitingEvent = rows.event(waiting, "test.gone", null, new Long[0], null, Instant.now());
    rows.value("update webhook_events set fanned_out_at = now() where id = ?", waitingEvent);
    rows.value(
        "insert into webhook_deliveries (event_id, subscription_id, attempts, next_attempt_at)"
            + " values (?, ?, 1, now() + interval '1 hour')",
        waitingEvent,
        subscription);
    double disabled = counter("pressroom.webhook.subscriptions.disabled", "reason", "gone");

    String messageId = rows.event("test.gone");
    recorded();

    Eventually.within(DEADLINE, () -> state(messageId, subscription), "failed"::equals);
    assertThat(
            rows.value(
                "select enabled || ' ' || disabled_reason || ' ' || (disabled_at is not null)"
                    + " from webhook_subscriptions where id = ?",
                subscription))
        .isEqualTo("false gone true");
    assertThat(state(waiting, subscription)).isEqualTo("failed");
    counterReaches("pressroom.webhook.subscriptions.disabled", "reason", "gone", disabled + 1);

    // A disabled subscription gets nothing more.
    String later = rows.event("test.gone");
    recorded();
    Eventually.within(
        DEADLINE,
        () ->
            rows.value(
                "select fanned_out_at is not null from webhook_events where message_id = ?", later),
        Boolean.TRUE::equals);
    assertThat(state(later, subscription)).isEqualTo("none");
    assertThat(receiver.on("/gone")).hasSize(1);
  }

  @Test
  void deliveriesNeverTriedWhenA410DisabledTheSubscriptionAreRedeliveredSinceItsDisabledAt() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path("/gone-back", n -> Receiver.Answer.status(n == 1 ? 410 : 204), secret);
    long subscription = rows.subscription(url, secret, "test.back");
    // Three deliveries queued behind the first, never tried yet.
    List<String> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String waiting = DeliveryRows.messageId();
      long event = rows.event(waiting, "test.back", null, new Long[0], null, Instant.now());
      rows.value("update webhook_events set fanned_out_at = now() where id = ?", event);
      rows.value(
          "insert into webhook_deliveries (event_id, subscription_id, next_attempt_at)"
              + " values (?, ?, now() + interval '1 hour')",
          event,
          subscription);
      queued.add(waiting);
    }
    String first = rows.event("test.back");
    recorded();
    Eventually.within(DEADLINE, () -> state(first, subscription), "failed"::equals);
    for (String waiting : queued) {
      assertThat(state(waiting, subscription)).isEqualTo("failed");
    }
    Timestamp disabledAt =
        (Timestamp)
            rows.value("select disabled_at from webhook_subscriptions where id = ?", subscription);

    // The admin enables it again and sends again what failed since it was disabled.
    rows.value(
        "update webhook_subscriptions set enabled = true, disabled_reason = null,"
            + " disabled_at = null where id = ?",
        subscription);
    int redelivered =
        service
            .redeliver(
                subscription, new WebhookViews.RedeliveryRequest(null, disabledAt.toInstant()))
            .redelivered();

    // Those never tried and the one that got the 410.
    assertThat(redelivered).isEqualTo(4);
    queued.add(first);
    for (String waiting : queued) {
      Eventually.within(DEADLINE, () -> state(waiting, subscription), "delivered"::equals);
    }
    assertThat(receiver.on("/gone-back")).hasSize(5);
  }

  @Test
  void reEnablingLeavesADeliveryInFlightToItsSender() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path("/slow-once", n -> new Receiver.Answer(204, 700, Map.of(), ""), secret);
    long subscription = rows.subscription(url, secret, "test.slow");
    String messageId = rows.event("test.slow");
    recorded();
    Eventually.within(DEADLINE, () -> receiver.on("/slow-once").size(), n -> n == 1);

    // While the receiver holds the request: an admin disables the subscription and enables it.
    rows.value("update webhook_subscriptions set enabled = false where id = ?", subscription);
    int madeDue =
        QuarkusTransaction.requiringNew().call(() -> queries.makePendingDue(subscription));
    rows.value("update webhook_subscriptions set enabled = true where id = ?", subscription);
    recorded();

    assertThat(madeDue).isZero();
    Eventually.within(DEADLINE, () -> state(messageId, subscription), "delivered"::equals);
    assertThat(receiver.sentTwiceAtOnce("/slow-once")).isZero();
    assertThat(receiver.on("/slow-once")).hasSize(1);
  }

  @Test
  void theLastFailedAttemptAbandonsTheDeliveryAndDisablesAPersistentlyFailingSubscription() {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/down", n -> Receiver.Answer.status(500), secret);
    long subscription = rows.subscription(url, secret, "test.down");
    String messageId = rows.event("test.down");
    recorded();
    Eventually.within(DEADLINE, () -> attempts(messageId, subscription), a -> a.equals(1));
    double failing = counter("pressroom.webhook.subscriptions.disabled", "reason", "failing");
    double failed = counter("pressroom.webhook.deliveries", "outcome", "failed");

    // Three days of retries later: the last one.
    rows.value(
        "update webhook_deliveries set attempts = ? where subscription_id = ?",
        RetrySchedule.ATTEMPTS - 1,
        subscription);
    dueNow(messageId);

    Eventually.within(DEADLINE, () -> state(messageId, subscription), "failed"::equals);
    assertThat(attempts(messageId, subscription)).isEqualTo(RetrySchedule.ATTEMPTS);
    assertThat(
            rows.value(
                "select enabled || ' ' || disabled_reason from webhook_subscriptions where id = ?",
                subscription))
        .isEqualTo("false failing");
    counterReaches("pressroom.webhook.subscriptions.disabled", "reason", "failing", failing + 1);
    counterReaches("pressroom.webhook.deliveries", "outcome", "failed", failed + 1);
  }

  @Test
  void anAbandonedDeliveryLeavesASubscriptionThatAnsweredSinceEnabled() {
    String secret = DeliveryRows.secret();
    String url =
        receiver.path("/sometimes", n -> Receiver.Answer.status(n == 2 ? 200 : 500), secret);
    long subscription = rows.subscription(url, secret, "test.sometimes");
    String first = rows.event("test.sometimes");
    recorded();
    Eventually.within(DEADLINE, () -> attempts(first, subscription), a -> a.equals(1));
    String second = rows.event("test.sometimes");
    recorded();
    Eventually.within(DEADLINE, () -> state(second, subscription), "delivered"::equals);

    rows.value(
        "update webhook_deliveries set attempts = ? where state = 'pending' and subscription_id = ?",
        RetrySchedule.ATTEMPTS - 1,
        subscription);
    dueNow(first);
    Eventually.within(DEADLINE, () -> state(first, subscription), "failed"::equals);
    assertThat(rows.value("select enabled from webhook_subscriptions where id = ?", subscription))
        .isEqualTo(true);
  }

  @Test
  void duringARotationBothSecretsSignAndAfterItOnlyTheNewOne() {
    String current = DeliveryRows.secret();
    String previous = DeliveryRows.secret();
    String overlapping =
        receiver.path("/rotating", n -> Receiver.Answer.status(200), current, previous);
    String after = receiver.path("/rotated", n -> Receiver.Answer.status(200), current, previous);
    rows.subscription(
        overlapping,
        current,
        previous,
        Instant.now().plusSeconds(3600),
        null,
        null,
        "test.rotation");
    rows.subscription(
        after, current, previous, Instant.now().minusSeconds(1), null, null, "test.rotation");

    rows.event("test.rotation");
    recorded();

    Receiver.Received during =
        Eventually.within(DEADLINE, () -> receiver.on("/rotating"), l -> !l.isEmpty()).get(0);
    assertThat(during.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    assertThat(during.verified()).containsExactly(true, true);
    Receiver.Received since =
        Eventually.within(DEADLINE, () -> receiver.on("/rotated"), l -> !l.isEmpty()).get(0);
    assertThat(since.signature().split(" ")).hasSize(1);
    assertThat(since.verified()).containsExactly(true, false);
  }

  @Test
  void eventsGoToTheEnabledSubscriptionsWhoseTypesAndScopesMatch() {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/scoped", n -> Receiver.Answer.status(200), secret);
    long scoped =
        rows.subscription(
            url,
            secret,
            null,
            null,
            new Long[] {901L, 902L},
            new Long[] {77L},
            "article.published",
            "tag.created");
    long other = rows.subscription(url, secret, "comment.created");
    long disabled = rows.subscription(url, secret, "article.published", "tag.created");
    rows.value("update webhook_subscriptions set enabled = false where id = ?", disabled);

    Instant now = Instant.now();
    String matching = DeliveryRows.messageId();
    rows.event(matching, "article.published", 77L, new Long[] {902L, 5L}, null, now);
    String otherTag = DeliveryRows.messageId();
    rows.event(otherTag, "article.published", 77L, new Long[] {5L}, null, now);
    String otherAuthor = DeliveryRows.messageId();
    rows.event(otherAuthor, "article.published", 78L, new Long[] {901L}, null, now);
    String tagEvent = DeliveryRows.messageId();
    rows.event(tagEvent, "tag.created", null, new Long[0], null, now);
    String notWanted = DeliveryRows.messageId();
    rows.event(notWanted, "article.deleted", 77L, new Long[] {901L}, null, now);
    String test = DeliveryRows.messageId();
    rows.event(test, "webhook.test", null, new Long[0], other, now);
    String later = DeliveryRows.messageId();
    rows.event(later, "article.published", 77L, new Long[] {901L}, null, now.plusSeconds(3600));
    recorded();

    Eventually.within(
        DEADLINE,
        () ->
            receiver.on("/scoped").stream()
                .map(Receiver.Received::webhookId)
                .collect(Collectors.toSet()),
        Set.of(matching, tagEvent, test)::equals);
    for (String id : List.of(otherTag, otherAuthor, notWanted)) {
      assertThat(
              rows.value(
                  "select fanned_out_at is not null from webhook_events where message_id = ?", id))
          .isEqualTo(true);
      assertThat(state(id, scoped)).isEqualTo("none");
    }
    assertThat(
            rows.value(
                "select fanned_out_at is null from webhook_events where message_id = ?", later))
        .isEqualTo(true);
    assertThat(state(test, scoped)).isEqualTo("none");
    assertThat(
            rows.value(
                "select count(*) from webhook_deliveries where subscription_id = ?", disabled))
        .isEqualTo(0L);
  }

  @Test
  void aClaimLeftByACrashedInstanceIsSentOnceItsLeaseRunsOut() {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/orphan", n -> Receiver.Answer.status(200), secret);
    long subscription = rows.subscription(url, secret, "test.orphan");
    Duration lease = DispatchLoop.lease(Duration.ofSeconds(1));
    // What a claim committed by an instance that died before sending leaves behind.
    String messageId = DeliveryRows.messageId();
    long event = rows.event(messageId, "test.orphan", null, new Long[0], null, Instant.now());
    rows.value("update webhook_events set fanned_out_at = now() where id = ?", event);
    rows.value(
        "insert into webhook_deliveries (event_id, subscription_id, next_attempt_at)"
            + " values (?, ?, now() + make_interval(secs => ?))",
        event,
        subscription,
        (double) lease.toSeconds());
    Instant claimedAt = Instant.now();
    recorded();

    Eventually.within(
        lease.plus(DEADLINE), () -> state(messageId, subscription), "delivered"::equals);
    assertThat(Duration.between(claimedAt, Instant.now())).isGreaterThan(lease.minusSeconds(2));
    assertThat(receiver.on("/orphan")).hasSize(1);
    assertThat(receiver.on("/orphan").get(0).verified()).containsExactly(true);
  }

  @Test
  void twoDispatchersOnOneDatabaseSendEveryDeliveryAndNoneTwiceAtOnce() throws Exception {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/shared", n -> new Receiver.Answer(200, 20, Map.of(), ""), secret);
    long subscription = rows.subscription(url, secret, "test.shared");
    PGSimpleDataSource second = new PGSimpleDataSource();
    second.setURL(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    second.setUser(
        ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
    second.setPassword(
        ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
    SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
    DispatchLoop other = Dispatcher.loop(config.webhooks(), second, secondMeters, vertx);
    other.start("webhooks-second");
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        ids.add(rows.event("test.shared"));
        if (i % 10 == 0) {
          recorded();
          other.wake();
        }
      }
      recorded();
      other.wake();

      Eventually.within(
          Duration.ofSeconds(60),
          () ->
              rows.value(
                  "select count(*) from webhook_deliveries where subscription_id = ? and state ="
                      + " 'delivered'",
                  subscription),
          count -> ((Number) count).intValue() == ids.size());
      Map<String, Long> perId =
          receiver.on("/shared").stream()
              .collect(Collectors.groupingBy(Receiver.Received::webhookId, Collectors.counting()));
      assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(perId.values()).containsOnly(1L);
      assertThat(receiver.sentTwiceAtOnce("/shared")).isZero();
      double bySecond =
          secondMeters
              .get("pressroom.webhook.deliveries")
              .tag("outcome", "delivered")
              .counter()
              .count();
      assertThat(bySecond).isPositive().isLessThan(ids.size());
    } finally {
      other.stop();
    }
  }

  @Test
  void theQueueAgeShowsHowLongTheOldestDueDeliveryHasWaited() throws Exception {
    String secret = DeliveryRows.secret();
    String url = receiver.path("/queued", n -> Receiver.Answer.status(200), secret);
    long subscription = rows.subscription(url, secret, "test.queued");
    String messageId = DeliveryRows.messageId();
    long event = rows.event(messageId, "test.queued", null, new Long[0], null, Instant.now());
    rows.value("update webhook_events set fanned_out_at = now() where id = ?", event);
    Supplier<Double> age = () -> meters.get("pressroom.webhook.queue.age").gauge().value();
    try (Connection stuck = dataSource.getConnection()) {
      // Due for ten minutes, and held by someone else (a claim under way elsewhere) meanwhile.
      stuck.setAutoCommit(false);
      try (PreparedStatement statement =
          stuck.prepareStatement(
              "insert into webhook_deliveries (event_id, subscription_id, next_attempt_at)"
                  + " values (?, ?, now() - interval '10 minutes')")) {
        statement.setLong(1, event);
        statement.setLong(2, subscription);
        statement.executeUpdate();
      }
      stuck.commit();
      try (PreparedStatement statement =
          stuck.prepareStatement(
              "select id from webhook_deliveries where event_id = ? for update")) {
        statement.setLong(1, event);
        statement.executeQuery().close();
      }
      Eventually.within(DEADLINE, age, a -> a >= 600);
      assertThat(state(messageId, subscription)).isEqualTo("pending");
      stuck.commit();
    }
    recorded();
    Eventually.within(DEADLINE, () -> state(messageId, subscription), "delivered"::equals);
    Eventually.within(DEADLINE, age, a -> a < 600);
  }

  @Test
  void pruningAgesEventsFromTheirFanOutAndKeepsThoseAttemptedWithinRetention() {
    OffsetDateTime old = OffsetDateTime.now().minusDays(30);
    String secret = DeliveryRows.secret();
    long subscription = rows.subscription("http://127.0.0.1:9/never", secret, "test.fresh");
    rows.value("update webhook_subscriptions set enabled = false where id = ?", subscription);
    // Written 30 days ahead of its instant (a go-live), fanned out and delivered just now.
    long goLive =
        rows.event(DeliveryRows.messageId(), "test.fresh", null, new Long[0], null, Instant.now());
    // Written long ago, redelivered and delivered again just now.
    long redelivered =
        rows.event(DeliveryRows.messageId(), "test.fresh", null, new Long[0], null, Instant.now());
    rows.value(
        "update webhook_events set created_at = ?, fanned_out_at = now() where id = ?",
        old,
        goLive);
    rows.value(
        "update webhook_events set created_at = ?, fanned_out_at = ? where id = ?",
        old,
        old,
        redelivered);
    rows.value(
        "insert into webhook_deliveries (event_id, subscription_id, state, attempts,"
            + " last_attempt_at, delivered_at) values (?, ?, 'delivered', 1, now(), now()),"
            + " (?, ?, 'delivered', 1, now(), now())",
        goLive,
        subscription,
        redelivered,
        subscription);
    rows.value(
        "insert into webhook_attempts (delivery_id, subscription_id, event_id, attempted_at,"
            + " status, duration_ms) select id, subscription_id, event_id, now(), 200, 5"
            + " from webhook_deliveries where event_id in (?, ?)",
        goLive,
        redelivered);

    new DeliveryQueries(dataSource).prune(config.webhooks().retention(), 500);

    assertThat(
            rows.value(
                "select count(*) from webhook_attempts where event_id in (?, ?)",
                goLive,
                redelivered))
        .isEqualTo(2L);
    assertThat(
            rows.value(
                "select count(*) from webhook_events where id in (?, ?)", goLive, redelivered))
        .isEqualTo(2L);
  }

  @Test
  void pruningRemovesOldAttemptsAndFinishedEventsButNotPendingOnes() {
    OffsetDateTime old = OffsetDateTime.now().minusDays(30);
    String secret = DeliveryRows.secret();
    long subscription = rows.subscription("http://127.0.0.1:9/never", secret, "test.prune");
    rows.value("update webhook_subscriptions set enabled = false where id = ?", subscription);
    String finished = DeliveryRows.messageId();
    long finishedEvent = rows.event(finished, "test.prune", null, new Long[0], null, Instant.now());
    String pending = DeliveryRows.messageId();
    long pendingEvent = rows.event(pending, "test.prune", null, new Long[0], null, Instant.now());
    String nobody = DeliveryRows.messageId();
    long nobodyEvent = rows.event(nobody, "test.prune", null, new Long[0], null, Instant.now());
    rows.value(
        "update webhook_events set created_at = ?, fanned_out_at = ? where id in (?, ?, ?)",
        old,
        old,
        finishedEvent,
        pendingEvent,
        nobodyEvent);
    rows.value(
        "insert into webhook_deliveries (event_id, subscription_id, state, attempts)"
            + " values (?, ?, 'delivered', 1), (?, ?, 'pending', 1)",
        finishedEvent,
        subscription,
        pendingEvent,
        subscription);
    rows.value(
        "insert into webhook_attempts (delivery_id, subscription_id, event_id, attempted_at,"
            + " status, duration_ms) select id, subscription_id, event_id, ?, 200, 5"
            + " from webhook_deliveries where event_id in (?, ?)",
        old,
        finishedEvent,
        pendingEvent);

    int deleted = new DeliveryQueries(dataSource).prune(config.webhooks().retention(), 500);

    assertThat(deleted).isGreaterThanOrEqualTo(4);
    assertThat(
            rows.value(
                "select count(*) from webhook_events where id in (?, ?, ?)",
                finishedEvent,
                pendingEvent,
                nobodyEvent))
        .isEqualTo(1L);
    assertThat(rows.value("select count(*) from webhook_events where id = ?", pendingEvent))
        .isEqualTo(1L);
    assertThat(rows.value("select count(*) from webhook_attempts where event_id = ?", pendingEvent))
        .isEqualTo(0L);
    assertThat(state(pending, subscription)).isEqualTo("pending");
  }
}
