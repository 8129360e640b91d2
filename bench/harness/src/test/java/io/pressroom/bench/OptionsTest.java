package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void readsAStepAndNamedValues() {
    Options o =
        Options.parse(
            List.of(
                "deployed", "--app-pid", "4242", "--query=memory allocator", "--java-opts", ""));

    assertThat(o.step).isEqualTo("deployed");
    assertThat(o.number("app-pid")).isEqualTo(4242);
    assertThat(o.text("query")).isEqualTo("memory allocator");
    assertThat(o.text("java-opts")).isEmpty();
    assertThat(o.integer("retries", 1)).isEqualTo(1);
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> Options.parse(List.of()))
        .hasMessageContaining("deployed, nocache or report");
    assertThatThrownBy(() -> Options.parse(List.of("report", "--articles")))
        .hasMessage("--articles needs a value");
    assertThatThrownBy(() -> Options.parse(List.of("report", "stray")))
        .hasMessage("unexpected argument stray");
    Options o = Options.parse(List.of("report", "--articles", "many"));
    assertThatThrownBy(() -> o.number("articles"))
        .hasMessage("--articles must be a whole number, not 'many'");
    assertThatThrownBy(() -> o.text("work")).hasMessage("--work is missing");
  }
}
