package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Notifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A like that commits while the instance stops (a request still in flight after the sending thread
 * ended) still tells the other instances: before, its invalidation waited in memory for a thread
 * that was gone, and the others showed the old counters until their cache's time to live.
 */
@QuarkusTest
@TestProfile(FeedbackAnnouncerStopTest.OwnInstance.class)
class FeedbackAnnouncerStopTest {

  /** An app of its own: this test stops its announcer. */
  public static class OwnInstance implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pressroom.invalidation.feedback-window", "20ms");
    }
  }

  @Inject FeedbackAnnouncer announcer;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void feedbackCommittedAfterTheStopIsStillAnnounced() throws Exception {
    try (Connection other = DriverManager.getConnection(url, user, password)) {
      try (Statement statement = other.createStatement()) {
        statement.execute("listen " + Invalidation.CHANNEL);
      }
      PGConnection listening = other.unwrap(PGConnection.class);

      announcer.onStop(new ShutdownEvent());
      announcer.queue("v1 stopping-instance article 424242");

      List<String> payloads =
          Notifications.received(
              listening,
              Duration.ofSeconds(3),
              received -> received.contains("v1 stopping-instance article 424242"));
      assertThat(payloads).contains("v1 stopping-instance article 424242");
    }
  }
}
