package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticlePageSpliceTest {

  @Test
  void theReadersStateBecomesTheLastFieldOfTheKeptPage() {
    byte[] page = "{\"slug\":\"a\",\"title\":\"\u00e9t\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    byte[] viewer = "{\"liked\":true}".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(ResponseCacheFilter.splice(page, viewer), StandardCharsets.UTF_8))
        .isEqualTo("{\"slug\":\"a\",\"title\":\"\u00e9t\u00e9\",\"viewer\":{\"liked\":true}}");
  }

  @Test
  void anythingButAnObjectIsRefused() {
    byte[] viewer = "{}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ResponseCacheFilter.splice("[1]".getBytes(), viewer))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ResponseCacheFilter.splice(new byte[0], viewer))
        .isInstanceOf(IllegalStateException.class);
  }
}
