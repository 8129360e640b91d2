package io.pressroom;

import io.pressroom.db.embedded.EmbeddedDatabase;
import io.pressroom.web.RoutingProblems;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Pressroom. With no datasource URL configured, an embedded PostgreSQL is started first so
 * that a newcomer needs nothing but a JDK; with one configured, that server is used and nothing
 * else is started.
 */
@QuarkusMain
public final class PressroomMain {

  private PressroomMain() {}

  public static void main(String... args) {
    // Invalid request targets get a problem from RoutingProblems instead of Quarkus's bare 400.
    System.setProperty(RoutingProblems.NO_QUARKUS_URI_CHECK, "true");
    EmbeddedDatabase embedded = EmbeddedDatabase.startUnlessConfigured();
    try {
      Quarkus.run(args);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
