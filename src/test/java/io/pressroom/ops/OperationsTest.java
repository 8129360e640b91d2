package io.pressroom.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

  @Test
  void livenessAndReadinessWithADatabaseCheck() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
  }

  @Test
  void prometheusMetrics() {
    given().get("/api/v1/tags").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(anyOf(containsString("text/plain"), containsString("openmetrics-text")))
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("jvm_memory_used_bytes"));
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
