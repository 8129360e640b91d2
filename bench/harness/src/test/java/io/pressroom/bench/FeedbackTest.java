package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The feedback line of the report, from the table generate.sql prints at the end of a load. */
class FeedbackTest {

  @Test
  void readsTheRowsMadeAndTheKindsSkipped() {
    String log =
        "psql:bench/generate.sql:405: WARNING:  bench: trigger t on likes was not fired\n"
            + "  generated   |           rows\n"
            + "--------------+--------------------------\n"
            + " accounts     | 22000\n"
            + " tags         | 500\n"
            + " articles     | 100000\n"
            + " article_tags | 300123\n"
            + " likes        | 999041\n"
            + " ratings      | skipped: no usable table\n"
            + " comments     | 300000\n"
            + " follows      | 49940\n";

    assertThat(Report.feedback(log))
        .isEqualTo("999041 likes, no ratings table, 300000 comments, 49940 follows");
  }

  @Test
  void nothingWhenTheLogHasNoTable() {
    assertThat(Report.feedback("VACUUM\n")).isEmpty();
  }
}
