package io.pressroom.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.delivery.OtherInstancesHeard;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Starts this instance's webhook dispatcher ({@link DispatchLoop}) with the application when {@code
 * pressroom.webhooks.dispatch} is on, wakes it when a commit wrote events or another instance was
 * heard from, and stops it cleanly with the application.
 */
@ApplicationScoped
class Dispatcher {

  private final PressroomConfig.Webhooks config;
  private final DataSource dataSource;
  private final MeterRegistry meters;
  private final Vertx vertx;
  private volatile DispatchLoop loop;

  Dispatcher(PressroomConfig config, DataSource dataSource, MeterRegistry meters, Vertx vertx) {
    this.config = config.webhooks();
    this.dataSource = dataSource;
    this.meters = meters;
    this.vertx = vertx;
  }

  /** A dispatcher over {@code dataSource} with this configuration (and a test's second one). */
  static DispatchLoop loop(
      PressroomConfig.Webhooks config, DataSource dataSource, MeterRegistry meters, Vertx vertx) {
    SecureRandom random = new SecureRandom();
    return new DispatchLoop(
        new DeliveryQueries(dataSource),
        new WebhookSender(
            vertx,
            new TargetPolicy(config.allowHttp(), config.allowPrivateTargets()),
            config.timeout(),
            config.responseExcerptBytes(),
            Clock.systemUTC()),
        new RetrySchedule(random::nextDouble),
        new DispatchMetrics(meters),
        new DispatchLoop.Settings(config.concurrency(), config.pollInterval(), config.retention()),
        Clock.systemUTC());
  }

  void start(@Observes StartupEvent event) {
    if (config.dispatch()) {
      loop = loop(config, dataSource, meters, vertx);
      loop.start("webhooks");
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    DispatchLoop current = loop;
    if (current != null) {
      current.stop();
    }
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookEventsRecorded recorded) {
    wake();
  }

  /** Another instance committed something (maybe events), or its notifications started again. */
  void wake(@Observes OtherInstancesHeard heard) {
    wake();
  }

  private void wake() {
    DispatchLoop current = loop;
    if (current != null) {
      current.wake();
    }
  }
}
