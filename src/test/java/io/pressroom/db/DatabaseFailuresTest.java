package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.web.ProblemType;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void aLostUniqueRaceIsAConflict() {
    var failure = new RuntimeException("commit failed", new SQLException("dup", "23505"));

    assertThat(DatabaseFailures.classify(failure))
        .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(ProblemType.CONFLICT));
  }

  @Test
  void aValueTheDatabaseCannotHoldIsABadRequest() {
    assertThat(DatabaseFailures.classify(new SQLException("timestamp out of range", "22008")))
        .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(ProblemType.BAD_REQUEST));
  }

  @Test
  void deadlocksAndOutagesAreWorthRetrying() {
    for (String state :
        new String[] {"40001", "40P01", "08006", "57P01", "57P02", "57P03", "53300"}) {
      assertThat(DatabaseFailures.classify(new SQLException("x", state)))
          .as(state)
          .hasValueSatisfying(
              a -> {
                assertThat(a.type()).isEqualTo(ProblemType.UNAVAILABLE);
                assertThat(a.headers()).containsKey("Retry-After");
              });
    }
  }

  /** Agroal's own words when no connection came within the acquisition timeout. */
  @Test
  void noConnectionFromThePoolInTimeIsAnOutage() {
    var failure =
        new RuntimeException(
            "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"));

    assertThat(DatabaseFailures.classify(failure))
        .hasValueSatisfying(
            a -> {
              assertThat(a.type()).isEqualTo(ProblemType.UNAVAILABLE);
              assertThat(a.headers()).containsKey("Retry-After");
            });
  }

  @Test
  void otherFailuresStayUnexpected() {
    assertThat(DatabaseFailures.classify(new SQLException("syntax", "42601"))).isEmpty();
    assertThat(DatabaseFailures.classify(new IllegalStateException("bug"))).isEmpty();
    assertThat(DatabaseFailures.classify(new SQLException("no state"))).isEmpty();
  }
}
