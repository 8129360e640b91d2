package io.pressroom.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.ArticleReadPlans;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL plans for a rating summary. Its histogram counted every rating of the article on
 * each request (2,010 ratings of one article at 1,000,000 articles); it is kept beside the counters
 * (V30), and the ratings are read only for the reader's own score, by key.
 */
@QuarkusTest
class RatingSummaryPlanTest {

  @Inject Fixtures fixtures;
  @Inject ArticleReadPlans plans;
  @Inject FeedbackQueries queries;

  @Test
  void aSummaryReadsNoRatingButTheReadersOwn() {
    String slug = fixtures.article(fixtures.author()).create();
    assertThat(plans.of(queries.ratingColumns(OptionalLong.empty()), slug))
        .as("an anonymous summary")
        .doesNotContain("ratings");
    // By either index that holds the reader: the planner picks the primary key (article, reader)
    // or the reader's own index by the table's statistics; both read only the reader's ratings.
    assertThat(plans.of(queries.ratingColumns(OptionalLong.of(1)), slug))
        .as("a reader's summary")
        .containsPattern(
            "Index Scan using ratings_(pkey|account_idx) on ratings m\\s+Index Cond: \\([^\\n]*"
                + "account_id = '1'")
        .doesNotContain("Seq Scan on ratings")
        .doesNotContain("ratings r");
  }
}
