package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.db.SqlBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cursor deep in an order by a counter starts the page where the cursor is in the counter's
 * index. Its position was compared with the article's id, which that index does not hold, so
 * PostgreSQL read the index from its top and checked each row after joining its article: 0.8 s for
 * a page of an aggregator's pull at 100,000 articles. The test database is too small for PostgreSQL
 * to choose that index on its own, so the plan is read with sequential scans discouraged.
 */
@QuarkusTest
class CounterCursorPlanTest {

  @Inject EntityManager entityManager;

  @Test
  void theCursorIsABoundOfTheCountersIndex() {
    for (ArticleSort sort :
        List.of(ArticleSort.MOST_LIKED, ArticleSort.MOST_DISCUSSED, ArticleSort.BEST_RATED)) {
      String plan = plan(sort);
      assertThat(plan)
          .as("the plan of a page after a cursor, sorted by " + sort.parameter())
          .containsPattern("Index Cond: \\(ROW\\(\\w+, article_id\\) < ROW\\(");
    }
  }

  private String plan(ArticleSort sort) {
    ArticleFilter filter =
        new ArticleFilter(
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            sort,
            ArticleStatus.PUBLISHED,
            Optional.empty(),
            Optional.empty());
    SqlBuilder explain =
        new SqlBuilder()
            .append("explain ")
            .appendAll(
                ArticleQueries.listingStatement(
                    filter, Optional.of(new ArticleQueries.SortPosition("3", 42)), 20, 0));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
              return explain.read(entityManager).stream()
                  .map(row -> row.text("query plan"))
                  .collect(Collectors.joining("\n"));
            });
  }
}
