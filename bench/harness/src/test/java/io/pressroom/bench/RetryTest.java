package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {
  final List<String> log = new ArrayList<>();

  /** Runs the policy on tries whose "other CPU" figures are given, with a fixed elapsed time. */
  Retry.Best<Integer> run(Retry retry, long elapsed, int... others) {
    Iterator<Integer> next = java.util.Arrays.stream(others).iterator();
    int[] made = {0};
    Retry.Best<Integer> best =
        retry.run(
            "detail",
            () -> {
              made[0]++;
              return next.next();
            },
            other -> other,
            () -> elapsed,
            log::add);
    assertThat(best.tries()).as("tries counted").isEqualTo(made[0]);
    return best;
  }

  @Test
  void aQuietTryIsKeptAtOnce() {
    Retry.Best<Integer> best = run(new Retry(1, 20, 600), 10, 3);

    assertThat(best).isEqualTo(new Retry.Best<>(3, 1));
    assertThat(log).isEmpty();
  }

  @Test
  void aDisturbedTryRunsAgainAndTheQuieterIsKept() {
    Retry.Best<Integer> best = run(new Retry(1, 20, 600), 10, 35, 4);

    assertThat(best).isEqualTo(new Retry.Best<>(4, 2));
    assertThat(log).containsExactly("  other work took 35% of the CPU: running detail again");
  }

  @Test
  void whenEveryTryIsDisturbedTheLeastDisturbedIsKept() {
    assertThat(run(new Retry(2, 20, 600), 10, 40, 25, 30)).isEqualTo(new Retry.Best<>(25, 3));
    assertThat(log).hasSize(2);
  }

  @Test
  void equalTriesKeepTheFirst() {
    assertThat(run(new Retry(1, 20, 600), 10, 30, 30)).isEqualTo(new Retry.Best<>(30, 2));
  }

  @Test
  void noRetryOnceTheBudgetIsSpent() {
    assertThat(run(new Retry(1, 20, 90), 90, 50)).isEqualTo(new Retry.Best<>(50, 1));
    assertThat(log).isEmpty();
  }

  @Test
  void noRetryWhenNoneIsAllowed() {
    assertThat(run(new Retry(0, 20, 600), 10, 50)).isEqualTo(new Retry.Best<>(50, 1));
  }

  @Test
  void theLimitItselfCountsAsQuiet() {
    assertThat(run(new Retry(1, 20, 600), 10, 20)).isEqualTo(new Retry.Best<>(20, 1));
  }
}
