package io.pressroom.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleGateway;
import io.pressroom.db.SqlBuilder;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL plans for a rating summary. Its histogram counted every rating of the article on
 * each request (2,010 ratings of one article at 1,000,000 articles); it is kept beside the counters
 * (V30), and the ratings are read only for the reader's own score, by key. The test database is too
 * small for PostgreSQL to choose an index on its own, so the plan is read with scans of whole
 * tables discouraged, as they are on a large table.
 */
@QuarkusTest
class RatingSummaryPlanTest {

  @Inject EntityManager entityManager;
  @Inject Fixtures fixtures;
  @Inject UserTransaction transaction;
  @Inject FeedbackQueries queries;

  @Test
  void aSummaryReadsNoRatingButTheReadersOwn() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    transaction.begin();
    try {
      for (String way : List.of("seqscan", "bitmapscan")) {
        entityManager.createNativeQuery("set local enable_" + way + " = off").executeUpdate();
      }
      assertThat(plan(queries.ratingColumns(OptionalLong.empty()), slug))
          .as("an anonymous summary")
          .doesNotContain("ratings");
      assertThat(plan(queries.ratingColumns(OptionalLong.of(1)), slug))
          .as("a reader's summary")
          .contains("using ratings_pkey on ratings m")
          .doesNotContain("ratings r");
    } finally {
      transaction.rollback();
    }
  }

  private String plan(ArticleGateway.Extra extra, String slug) {
    return new SqlBuilder()
            .append("explain (costs off) select " + extra.columns() + " from articles a")
            .appendAll(extra.joins())
            .append(" where a.slug = :slug", "slug", slug)
            .read(entityManager)
            .stream()
            .map(row -> row.text("query plan"))
            .collect(Collectors.joining("\n"));
  }
}
