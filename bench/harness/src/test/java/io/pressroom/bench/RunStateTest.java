package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

  @Test
  void aSavedStateReadsBackTheSame(@TempDir Path dir) throws Exception {
    RunState state = ReportTest.fullRun();
    state.replace(state.row("feed").notMeasured("n/a: answered 500"));
    // A row that rotates over several paths keeps them, in order.
    state.rows.add(FixturesTest.withSearches().rows().get(9));
    Path file = dir.resolve("state.properties");

    state.anonDeployedMb = 301;
    state.anonNocacheMb = 355;
    state.save(file);
    RunState back = RunState.load(file);

    assertThat(back.rows).isEqualTo(state.rows);
    assertThat(back.ceilings).isEqualTo(state.ceilings);
    assertThat(back.results).isEqualTo(state.results);
    assertThat(back.results.keySet()).containsExactlyElementsOf(state.results.keySet());
    assertThat(back.depth).isEqualTo(state.depth);
    assertThat(back.cold).isEqualTo(state.cold);
    assertThat(back.rssPeakMb()).isEqualTo(467);
    assertThat(back.anonMb()).isEqualTo(355);
  }
}
