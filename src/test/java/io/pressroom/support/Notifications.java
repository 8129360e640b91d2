package io.pressroom.support;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** What a connection that listens on a PostgreSQL channel hears, as another instance would. */
public final class Notifications {

  private Notifications() {}

  /** The payloads {@code listening} receives until they satisfy {@code enough}, within a while. */
  public static List<String> received(
      PGConnection listening, Duration within, Predicate<List<String>> enough) {
    List<String> payloads = new ArrayList<>();
    Eventually.within(
        within,
        () -> {
          try {
            PGNotification[] received = listening.getNotifications(50);
            for (PGNotification notification :
                received == null ? new PGNotification[0] : received) {
              payloads.add(notification.getParameter());
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return payloads;
        },
        enough);
    return payloads;
  }
}
