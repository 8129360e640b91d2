package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticlePatchTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ArticleRequest CURRENT =
      new ArticleRequest(
          "Title",
          "Summary",
          "Body",
          List.of("Rust"),
          "https://reference.example.org/a",
          "https://source.example.org/a",
          "Source",
          "Notice",
          null);

  private static ArticlePatch patch(String json) throws Exception {
    JsonNode body = MAPPER.readTree(json);
    return ArticlePatch.of(body);
  }

  @Test
  void absentFieldsStayNullClearsAndValuesReplace() throws Exception {
    ArticleRequest merged =
        patch("{\"title\":\"New\",\"sourceUrl\":null,\"tags\":null}").applyTo(CURRENT);

    assertThat(merged.title()).isEqualTo("New");
    assertThat(merged.summary()).isEqualTo("Summary");
    assertThat(merged.sourceUrl()).isNull();
    assertThat(merged.tags()).isEmpty();
    assertThat(merged.referenceUrl()).isEqualTo("https://reference.example.org/a");
  }

  @Test
  void namesWhichFieldsItSetsAmongTheLinks() throws Exception {
    ArticlePatch patch = patch("{\"coverImageUrl\":\"https://img.example.org/c.png\"}");

    assertThat(patch.links().keySet())
        .containsExactly("sourceUrl", "referenceUrl", "coverImageUrl");
    assertThat(patch.links().get("coverImageUrl").present()).isTrue();
    assertThat(patch.links().get("sourceUrl").present()).isFalse();
  }

  @Test
  void refusesUnknownFieldsAndWrongTypes() {
    assertThatThrownBy(() -> patch("{\"slug\":\"x\"}")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> patch("{\"title\":5}")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> patch("{\"tags\":\"Rust\"}")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> patch("[]")).isInstanceOf(ProblemException.class);
  }
}
