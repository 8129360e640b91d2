package io.pressroom.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

  @TestHTTPResource(value = "health/live", management = true)
  URL liveness;

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void livenessAndReadinessWithADatabaseCheckOnTheManagementPort() {
    given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get(readiness)
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
  }

  @Test
  void prometheusMetricsOnTheManagementPort() {
    given().get("/api/v1/tags").then().statusCode(200);
    given()
        .get(metrics)
        .then()
        .statusCode(200)
        .contentType(anyOf(containsString("text/plain"), containsString("openmetrics-text")))
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  /**
   * What the Grafana dashboard (docker/grafana/dashboards/pressroom.json) plots: the response
   * cache's hits and misses and its size beside the heap, the database pool's use and latency
   * buckets for percentiles.
   */
  @Test
  void operationsMetricsForTheDashboard() {
    given().get("/api/v1/tags?limit=97").then().statusCode(200);
    given().get("/api/v1/tags?limit=97").then().statusCode(200).header("X-Cache", "hit");
    given()
        .get(metrics)
        .then()
        .statusCode(200)
        .body(containsString("pressroom_response_cache_requests_total{result=\"hit\"}"))
        .body(containsString("pressroom_response_cache_requests_total{result=\"miss\"}"))
        .body(containsString("pressroom_response_cache_size_bytes "))
        .body(containsString("jvm_memory_used_bytes{area=\"heap\""))
        .body(containsString("agroal_active_count{datasource=\"default\"}"))
        .body(containsString("agroal_available_count{datasource=\"default\"}"))
        .body(containsString("agroal_awaiting_count{datasource=\"default\"}"))
        .body(containsString("http_server_requests_seconds_bucket{"))
        .body(containsString("le=\"0.25\""));
  }

  /** Metrics name the clients of API keys: the public port serves neither them nor health. */
  @Test
  void thePublicPortServesNoMetricsAndNoHealth() {
    assertThat(metrics.getPort()).isNotEqualTo(RestAssured.port);
    for (String path :
        List.of("/q/metrics", "/q/metrics/", "/q/health", "/q/health/ready", "/q/health/live")) {
      given().get(path).then().statusCode(404).body(not(containsString("api_key")));
    }
  }

  @Test
  void swaggerUiIsServed() {
    given()
        .redirects()
        .follow(true)
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .body(containsString("swagger"));
  }

  /**
   * The committed openapi/ documents must be what the code serves. The build snapshots the
   * committed files before it regenerates openapi/, so after a failure the regenerated files are
   * ready to commit. Documents are compared as trees: key order is not meaningful.
   */
  @Test
  void committedOpenApiDocumentsMatchWhatIsServed() throws IOException {
    compare("yaml", new YAMLMapper());
    compare("json", new ObjectMapper());
  }

  private static void compare(String format, ObjectMapper mapper) throws IOException {
    String served =
        given()
            .queryParam("format", format)
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path committed = Path.of("target/openapi-committed/openapi." + format);
    assertThat(committed).as("snapshot of the committed openapi/openapi.%s", format).exists();
    JsonNode servedTree = mapper.readTree(served);
    JsonNode committedTree = mapper.readTree(Files.readString(committed, StandardCharsets.UTF_8));
    assertThat(servedTree)
        .as("openapi/openapi.%s is stale: run ./mvnw package and commit openapi/", format)
        .isEqualTo(committedTree);
  }
}
