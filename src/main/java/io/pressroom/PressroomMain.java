package io.pressroom;

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
