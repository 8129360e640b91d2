package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void instantsAndDatesAreAccepted() {
    assertThat(QueryParams.instant("at", "2026-11-24T09:30:00Z"))
        .hasValue(Instant.parse("2026-11-24T09:30:00Z"));
    assertThat(QueryParams.instant("at", "2026-11-24T10:30:00+01:00"))
        .hasValue(Instant.parse("2026-11-24T09:30:00Z"));
    assertThat(QueryParams.instant("at", "2026-11-24"))
        .hasValue(Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(QueryParams.instant("at", " ")).isEmpty();
  }

  @Test
  void instantsAreKeptToTheMicrosecondAsPostgresqlAndTheSearchIndexCompareThem() {
    assertThat(QueryParams.instant("at", "2026-11-24T09:30:00.123456789Z"))
        .hasValue(Instant.parse("2026-11-24T09:30:00.123456Z"));
  }

  @Test
  void instantsOutsideTheYears1970To9999AreRefused() {
    assertThat(QueryParams.instant("at", "1970-01-01")).isPresent();
    assertThat(QueryParams.instant("at", "9999-12-31T23:59:59Z")).isPresent();
    for (String bad : new String[] {"1969-12-31T23:59:59Z", "-4714-01-01", "+10000-01-01"}) {
      assertThatThrownBy(() -> QueryParams.instant("at", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(Problem.FieldError::field)
                      .containsExactly("at"));
    }
  }

  @Test
  void wholeNumbersOutOfRangeOrMalformedAreRefused() {
    assertThat(QueryParams.intInRange("limit", "7", 1, 100, 20)).isEqualTo(7);
    assertThat(QueryParams.intInRange("limit", null, 1, 100, 20)).isEqualTo(20);
    for (String bad : new String[] {"0", "101", "x", "", "9999999999999999999999"}) {
      assertThatThrownBy(() -> QueryParams.intInRange("limit", bad, 1, 100, 20))
          .as(bad)
          .isInstanceOf(ProblemException.class);
    }
  }
}
