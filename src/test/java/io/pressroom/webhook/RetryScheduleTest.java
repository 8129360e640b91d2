package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void ceilingsGrowThreefoldFromThirtySecondsUpToADay() {
    assertThat(RetrySchedule.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetrySchedule.ceiling(2)).isEqualTo(Duration.ofSeconds(90));
    assertThat(RetrySchedule.ceiling(3)).isEqualTo(Duration.ofSeconds(270));
    assertThat(RetrySchedule.ceiling(8)).isEqualTo(Duration.ofSeconds(30 * 2187));
    assertThat(RetrySchedule.ceiling(9)).isEqualTo(Duration.ofHours(24));
    assertThat(RetrySchedule.ceiling(13)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void anAverageDrawSpreadsTheAttemptsOverAboutThreeDays() {
    Duration total = span(new RetrySchedule(() -> 0.5));
    assertThat(total).isBetween(Duration.ofHours(66), Duration.ofHours(80));
  }

  @Test
  void theJitterIsFullButNeverBelowASecondNorAboveTheCeiling() {
    RetrySchedule lowest = new RetrySchedule(() -> 0.0);
    RetrySchedule highest = new RetrySchedule(() -> 0.999_999);
    for (int n = 1; n < RetrySchedule.ATTEMPTS; n++) {
      assertThat(wait(lowest, n, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
      assertThat(wait(highest, n, Optional.empty()))
          .isLessThanOrEqualTo(RetrySchedule.ceiling(n))
          .isGreaterThan(RetrySchedule.ceiling(n).multipliedBy(99).dividedBy(100));
    }
  }

  @Test
  void theLastAttemptIsFinal() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    assertThat(schedule.next(RetrySchedule.ATTEMPTS - 1, NOW, Optional.empty())).isPresent();
    assertThat(schedule.next(RetrySchedule.ATTEMPTS, NOW, Optional.empty())).isEmpty();
  }

  @Test
  void retryAfterIsNeverAnsweredEarlierAndIsBoundedByADay() {
    RetrySchedule schedule = new RetrySchedule(() -> 0.5);
    assertThat(wait(schedule, 1, Optional.of(Duration.ofMinutes(10))))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(wait(schedule, 1, Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofHours(24));
    // A Retry-After shorter than the backoff does not make the retry sooner.
    assertThat(wait(schedule, 5, Optional.of(Duration.ofSeconds(1))))
        .isEqualTo(RetrySchedule.ceiling(5).dividedBy(2));
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    assertThat(RetrySchedule.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetrySchedule.retryAfter(" 7 ", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetrySchedule.retryAfter("Mon, 30 Nov 2026 10:05:00 GMT", NOW))
        .contains(Duration.ofMinutes(5));
    assertThat(RetrySchedule.retryAfter("Mon, 30 Nov 2026 09:00:00 GMT", NOW))
        .contains(Duration.ZERO);
    assertThat(RetrySchedule.retryAfter("99999999999999999999999", NOW))
        .contains(Duration.ofHours(24));
    assertThat(RetrySchedule.retryAfter("soon", NOW)).isEmpty();
    assertThat(RetrySchedule.retryAfter(null, NOW)).isEmpty();
    assertThat(RetrySchedule.retryAfter("-5", NOW)).isEmpty();
  }

  private static Duration span(RetrySchedule schedule) {
    Instant at = NOW;
    int attempts = 1;
    Optional<Instant> next;
    while ((next = schedule.next(attempts, at, Optional.empty())).isPresent()) {
      at = next.get();
      attempts++;
    }
    assertThat(attempts).isEqualTo(RetrySchedule.ATTEMPTS);
    return Duration.between(NOW, at);
  }

  private static Duration wait(RetrySchedule schedule, int attempts, Optional<Duration> asked) {
    return Duration.between(NOW, schedule.next(attempts, NOW, asked).orElseThrow());
  }
}
