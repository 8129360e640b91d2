package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.db.SqlBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL plans for listings that once read far more than their page. The test database is
 * too small for PostgreSQL to choose an index on its own, so each plan is read with the other ways
 * discouraged (a scan of the whole table or a bitmap of it, and a sort), as they are on a large
 * table for a page of a few rows.
 */
@QuarkusTest
class ListingPlanTest {

  /**
   * The matches are read once, as a range (the CTE {@code m}, whose index PostgreSQL picks by the
   * table's size), then counted and ordered from it; a walk of an order would have no such range.
   */
  private static final Condition<String> READ_ONCE =
      new Condition<>(
          plan -> plan.contains("CTE m") && plan.contains("CTE Scan on m"),
          "matches read once as a range, counted and ordered from it");

  @Inject EntityManager entityManager;

  /**
   * A cursor deep in an order by a counter starts the page where the cursor is in the counter's
   * index. Its position was compared with the article's id, which that index does not hold, so
   * PostgreSQL read the index from its top and checked each row after joining its article: 0.8 s
   * for a page of an aggregator's pull at 100,000 articles.
   */
  @Test
  void theCursorIsABoundOfTheCountersIndex() {
    for (ArticleSort sort :
        List.of(ArticleSort.MOST_LIKED, ArticleSort.MOST_DISCUSSED, ArticleSort.BEST_RATED)) {
      String plan = plan(filter(sort, Optional.empty()), new ArticleQueries.SortPosition("3", 42));
      assertThat(plan)
          .as("the plan of a page after a cursor, sorted by " + sort.parameter())
          .containsPattern("Index Cond: \\(ROW\\(\\w+, article_id\\) < ROW\\(");
    }
  }

  /**
   * A pull of what was updated since an instant reads the updated range, not the publication order:
   * walked from the oldest article, it passed every article not updated since before it met the
   * first that was (0.6 s at 100,000 articles).
   */
  @Test
  void anUpdatedSincePullDoesNotWalkThePublicationOrder() {
    for (ArticleSort sort : List.of(ArticleSort.OLDEST, ArticleSort.NEWEST)) {
      String plan =
          plan(
              filter(sort, Optional.of(Instant.now().minusSeconds(3600))),
              new ArticleQueries.SortPosition("2026-01-01T00:00:00Z", 42));
      assertThat(plan).as("the plan of a pull sorted by " + sort.parameter()).satisfies(READ_ONCE);
    }
  }

  /**
   * A listing of several tags is counted and ordered from the tags' public ranges of the tag index,
   * which carry each article's liveness and publication instant: counting by visiting each article
   * of the two largest tags took 0.95 s at 100,000 articles.
   */
  @Test
  void severalTagsAreReadFromTheTagIndex() {
    for (ArticleSort sort : List.of(ArticleSort.NEWEST, ArticleSort.MOST_LIKED)) {
      ArticleFilter filter = twoTags(sort, Optional.empty());
      String key = sort.byPublication() ? "2026-01-01T00:00:00Z" : "7";
      assertThat(plan(filter, new ArticleQueries.SortPosition(key, 42)))
          .as("the plan of several tags sorted by " + sort.parameter())
          .satisfies(READ_ONCE);
    }
  }

  /**
   * Tags updated since an instant (one tag in a publication order too, whose total counted its rows
   * one by one and whose walk checked each): when the tags have many rows, the updated range is
   * read once and the tags' rows are looked up in it (the plan holds that way and the other, for
   * few rows, each behind a one-time filter on the tags' kept counts). PostgreSQL, guessing a few
   * hundred rows for tags named by slug, checked each of the 47,597 rows of two large tags against
   * its article by key instead (0.3 to 0.9 s at 100,000 articles).
   */
  @Test
  void tagsUpdatedSinceReadTheUpdatedRangeOnce() {
    Optional<Instant> since = Optional.of(Instant.now().minusSeconds(3600));
    for (ArticleFilter filter :
        List.of(
            twoTags(ArticleSort.OLDEST, since),
            twoTags(ArticleSort.MOST_LIKED, since),
            filter(List.of("one-tag"), ArticleSort.NEWEST, since))) {
      ArticleSort sort = filter.sort();
      String key = sort.byPublication() ? "2026-01-01T00:00:00Z" : "7";
      assertThat(plan(filter, new ArticleQueries.SortPosition(key, 42)))
          .as("the plan of " + filter.tagSlugs() + " updated since, sorted by " + sort.parameter())
          .satisfies(READ_ONCE)
          .contains("CTE updated", "CTE Scan on updated", "One-Time Filter");
    }
  }

  private static ArticleFilter filter(ArticleSort sort, Optional<Instant> updatedSince) {
    return filter(List.of(), sort, updatedSince);
  }

  private static ArticleFilter twoTags(ArticleSort sort, Optional<Instant> updatedSince) {
    return filter(List.of("one-tag", "another-tag"), sort, updatedSince);
  }

  private static ArticleFilter filter(
      List<String> tags, ArticleSort sort, Optional<Instant> updatedSince) {
    return new ArticleFilter(
        tags,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        updatedSince,
        sort,
        ArticleStatus.PUBLISHED,
        Optional.empty(),
        Optional.empty());
  }

  private String plan(ArticleFilter filter, ArticleQueries.SortPosition after) {
    SqlBuilder explain =
        new SqlBuilder()
            .append("explain ")
            .appendAll(ArticleQueries.listingStatement(filter, Optional.of(after), 20, 0));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              for (String plan : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort")) {
                entityManager.createNativeQuery("set local " + plan + " = off").executeUpdate();
              }
              return explain.read(entityManager).stream()
                  .map(row -> row.text("query plan"))
                  .collect(Collectors.joining("\n"));
            });
  }
}
