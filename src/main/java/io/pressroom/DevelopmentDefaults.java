package io.pressroom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settings that only a development run gets. The team's rule: a run is a development run when the
 * embedded database runs (no {@code QUARKUS_DATASOURCE_JDBC_URL}); {@link EmbeddedDatabase} then
 * sets these as system properties, unless the operator configured them.
 */
public final class DevelopmentDefaults {

  /** The usual ports of a web app's development server (React, Vite). */
  static final String CORS_ORIGINS = "http://localhost:3000,http://localhost:5173";

  private DevelopmentDefaults() {}

  /** The system properties to set, given the environment and the system properties already set. */
  public static Map<String, String> of(
      UnaryOperator<String> environment, UnaryOperator<String> properties) {
    Map<String, String> defaults = new LinkedHashMap<>();
    if (!isSet(environment.apply("PRESSROOM_DEMO_CONTENT"))
        && !isSet(properties.apply("pressroom.demo-content"))) {
      defaults.put("pressroom.demo-content", "true");
    }
    // Links are built on the public base URL, never on the request's Host: on a developer's
    // machine that is this server on localhost.
    if (!isSet(environment.apply("PRESSROOM_PUBLIC_BASE_URL"))
        && !isSet(properties.apply("pressroom.public-base-url"))) {
      defaults.put("pressroom.public-base-url", "http://localhost:${quarkus.http.port}");
    }
    // Browser apps served from a developer's machine; a production run grants no origin unless
    // PRESSROOM_CORS_ORIGINS names it.
    if (!isSet(environment.apply("PRESSROOM_CORS_ORIGINS"))
        && !isSet(environment.apply("QUARKUS_HTTP_CORS_ORIGINS"))
        && !isSet(properties.apply("PRESSROOM_CORS_ORIGINS"))
        && !isSet(properties.apply("quarkus.http.cors.origins"))) {
      defaults.put("quarkus.http.cors.origins", CORS_ORIGINS);
    }
    // No load balancer watches a development run's readiness: Ctrl-C stops it without the
    // production delay (in-flight requests still finish).
    if (!isSet(environment.apply("QUARKUS_SHUTDOWN_DELAY"))
        && !isSet(properties.apply("quarkus.shutdown.delay"))) {
      defaults.put("quarkus.shutdown.delay", "0s");
    }
    return defaults;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
