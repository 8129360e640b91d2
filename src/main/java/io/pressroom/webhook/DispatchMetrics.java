package io.pressroom.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an operator watches: {@code pressroom_webhook_deliveries_total{outcome}} (each attempt, by
 * what became of its delivery: delivered, retrying, failed), {@code
 * pressroom_webhook_attempt_duration_seconds}, {@code pressroom_webhook_queue_age_seconds} (how
 * long the oldest due delivery or event has been waiting; it grows when sending falls behind or
 * stops) and {@code pressroom_webhook_subscriptions_disabled_total{reason}} (gone, failing).
 */
final class DispatchMetrics {

  private final MeterRegistry meters;
  private final Timer duration;
  private final AtomicReference<Instant> oldestDue = new AtomicReference<>();

  DispatchMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.duration =
        Timer.builder("pressroom.webhook.attempt.duration")
            .description("How long webhook delivery attempts took, connection included")
            .register(meters);
    Gauge.builder("pressroom.webhook.queue.age", this, DispatchMetrics::queueAgeSeconds)
        .description("How long the oldest due webhook delivery or event has been waiting")
        .baseUnit("seconds")
        .register(meters);
    for (DeliveryQueries.Result result : DeliveryQueries.Result.values()) {
      outcome(result); // every series exists from the start, at 0
    }
    disabledCounter("gone");
    disabledCounter("failing");
  }

  void attempted(Attempt attempt) {
    duration.record(attempt.durationMillis(), TimeUnit.MILLISECONDS);
  }

  void recorded(DeliveryQueries.Outcome outcome) {
    outcome(outcome.result()).increment();
    outcome.disabled().ifPresent(disabled -> disabledCounter(disabled.reason()).increment());
  }

  void oldestDue(Instant oldest) {
    oldestDue.set(oldest);
  }

  private Counter outcome(DeliveryQueries.Result result) {
    return Counter.builder("pressroom.webhook.deliveries")
        .description("Webhook delivery attempts, by what became of the delivery")
        .tag("outcome", result.name().toLowerCase(Locale.ROOT))
        .register(meters);
  }

  private Counter disabledCounter(String reason) {
    return Counter.builder("pressroom.webhook.subscriptions.disabled")
        .description("Webhook subscriptions the server disabled, by reason")
        .tag("reason", reason)
        .register(meters);
  }

  private double queueAgeSeconds() {
    Instant oldest = oldestDue.get();
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
  }
}
