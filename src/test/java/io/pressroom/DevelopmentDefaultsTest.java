package io.pressroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DevelopmentDefaultsTest {

  @Test
  void aDevelopmentRunAllowsTheLocalWebAppPortsAndLoadsTheDemo() {
    assertThat(DevelopmentDefaults.of(name -> null, name -> null))
        .containsEntry("quarkus.http.cors.origins", "http://localhost:3000,http://localhost:5173")
        .containsEntry("pressroom.demo-content", "true")
        .containsEntry("pressroom.public-base-url", "http://localhost:${quarkus.http.port}")
        .containsEntry("quarkus.shutdown.delay", "0s");
  }

  /** Behind a load balancer the embedded database may still run, with the operator's delay. */
  @Test
  void aConfiguredShutdownDelayStands() {
    Map<String, String> env = Map.of("QUARKUS_SHUTDOWN_DELAY", "5s");
    assertThat(DevelopmentDefaults.of(env::get, name -> null))
        .doesNotContainKey("quarkus.shutdown.delay");
  }

  @Test
  void aConfiguredPublicBaseUrlStands() {
    Map<String, String> env = Map.of("PRESSROOM_PUBLIC_BASE_URL", "https://api.example.com");
    assertThat(DevelopmentDefaults.of(env::get, name -> null))
        .doesNotContainKey("pressroom.public-base-url");
  }

  @Test
  void configuredOriginsAreNeverWidened() {
    Map<String, String> env = Map.of("PRESSROOM_CORS_ORIGINS", "https://app.example.com");
    assertThat(DevelopmentDefaults.of(env::get, name -> null))
        .doesNotContainKey("quarkus.http.cors.origins");
    Map<String, String> quarkusEnv = Map.of("QUARKUS_HTTP_CORS_ORIGINS", "https://app.example.com");
    assertThat(DevelopmentDefaults.of(quarkusEnv::get, name -> null))
        .doesNotContainKey("quarkus.http.cors.origins");
    Map<String, String> property = Map.of("quarkus.http.cors.origins", "https://app.example.com");
    assertThat(DevelopmentDefaults.of(name -> null, property::get))
        .doesNotContainKey("quarkus.http.cors.origins");
  }

  @Test
  void anExplicitDemoContentChoiceStands() {
    Map<String, String> env = Map.of("PRESSROOM_DEMO_CONTENT", "false");
    assertThat(DevelopmentDefaults.of(env::get, name -> null))
        .doesNotContainKey("pressroom.demo-content");
  }
}
