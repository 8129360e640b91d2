package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Message ids, secrets and payloads, and the payloads' schemas in the committed document. */
class WebhookValuesTest {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void messageIdsAreUniqueAndShapedAsTheHeaderNeedsThem() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = MessageIds.next();
      assertThat(id).matches("msg_[0-9a-z]{26}");
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void secretsAreStandardWebhooksSecretsOf32Bytes() {
    String secret = WebhookSecrets.generate();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
  }

  @Test
  void eachPayloadHasExactlyThePropertiesItsSchemaDocuments() throws Exception {
    JsonNode schemas =
        MAPPER.readTree(Path.of("openapi/openapi.json").toFile()).at("/components/schemas");
    Instant at = Instant.parse("2026-11-30T09:30:00.123456Z");
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"ArticleEventData", new WebhookPayload.ArticleData(1, "s", "u", at)});
    cases.add(new Object[] {"CommentEventData", new WebhookPayload.CommentData(1, "s", "u")});
    cases.add(new Object[] {"TagEventData", new WebhookPayload.TagData(1, "s", "u")});
    cases.add(new Object[] {"TestEventData", new WebhookPayload.TestData(1)});
    for (Object[] c : cases) {
      JsonNode written =
          MAPPER.readTree(MAPPER.writeValueAsString(new WebhookPayload("msg_x", "t", at, c[1])));
      assertThat(names(written)).containsExactly("id", "type", "timestamp", "data");
      assertThat(names(written))
          .containsExactlyInAnyOrderElementsOf(names(schemas.at("/WebhookEvent/properties")));
      assertThat(names(written.get("data")))
          .as((String) c[0])
          .containsExactlyInAnyOrderElementsOf(names(schemas.at("/" + c[0] + "/properties")));
    }
    assertThat(written(new WebhookPayload.ArticleData(1, "s", "u", null)))
        .as("publishedAt only on published and scheduled")
        .isEqualTo("{\"id\":1,\"slug\":\"s\",\"url\":\"u\"}");
    assertThat(written(new WebhookPayload("msg_x", "t", at, new WebhookPayload.TestData(3))))
        .isEqualTo(
            "{\"id\":\"msg_x\",\"type\":\"t\",\"timestamp\":\"2026-11-30T09:30:00.123456Z\","
                + "\"data\":{\"subscriptionId\":3}}");
  }

  @Test
  void theDocumentNamesEveryEventTypeUnderWebhooks() throws Exception {
    JsonNode document = MAPPER.readTree(Path.of("openapi/openapi.json").toFile());
    for (EventType type : EventType.values()) {
      assertThat(document.at("/webhooks").has(type.value())).as(type.value()).isTrue();
    }
  }

  private static String written(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
