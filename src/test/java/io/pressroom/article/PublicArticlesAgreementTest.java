package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.db.Row;
import io.pressroom.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public rule is written twice, as Java ({@link PublicArticles}) and as SQL functions (V9) that
 * the triggers use: on a draft, a published, a scheduled, a rescheduled and a deleted article, the
 * SQL condition, the SQL functions, the Java predicate and the copies kept by the tags (V6) and by
 * the counters (V18, V21) all agree.
 */
@QuarkusTest
class PublicArticlesAgreementTest {

  @Inject Fixtures fixtures;
  @Inject EntityManager entityManager;

  @Test
  void javaConditionSqlFunctionsAndPredicateAgree() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String published = fixtures.article(author).tags(tag).create();
    String scheduled =
        fixtures.article(author).tags(tag).publishedAt(Instant.now().plusSeconds(3600)).create();
    String draft = fixtures.article(author).tags(tag).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(author).tags(tag).create();
    fixtures.markDeleted(deleted);
    // Published, then moved to a later instant by a write of its own (as another instance would).
    String rescheduled = fixtures.article(author).tags(tag).create();
    fixtures.setPublishedAt(rescheduled, Instant.now().plusSeconds(3600));

    Map<String, Boolean> expectedPublic =
        Map.of(published, true, scheduled, false, draft, false, deleted, false, rescheduled, false);
    Map<String, Boolean> expectedLive =
        Map.of(published, true, scheduled, true, draft, false, deleted, false, rescheduled, true);

    List<Row> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Row.list(
                        entityManager
                            .createNativeQuery(
                                "select a.slug as slug, a.status as status,"
                                    + " a.published_at as published_at,"
                                    + " a.deleted_at as deleted_at, now() as now, ("
                                    + PublicArticles.condition("a")
                                    + ") as java_condition, ("
                                    + PublicArticles.scheduledCondition("a")
                                    + ") as java_scheduled,"
                                    + " article_is_public(a.status, a.published_at,"
                                    + " a.deleted_at) as sql_public,"
                                    + " article_is_live(a.status, a.deleted_at) as sql_live,"
                                    + " (select bool_and(at.public) from article_tags at"
                                    + " where at.article_id = a.id) as tag_copy, (select "
                                    + PublicArticles.copiedCondition("at.public", "at.published_at")
                                    + " from article_tags at where at.article_id = a.id"
                                    + " limit 1) as tag_copy_public, (select "
                                    + PublicArticles.copiedCondition("c.live", "c.published_at")
                                    + " from article_counters c where c.article_id = a.id)"
                                    + " as counters_copy_public, (select c.live from"
                                    + " article_counters c where c.article_id = a.id)"
                                    + " as counters_copy"
                                    + " from articles a where a.slug in (:slugs)",
                                Tuple.class)
                            .setParameter("slugs", List.copyOf(expectedPublic.keySet()))));

    assertThat(rows).hasSize(5);
    for (Row row : rows) {
      String slug = row.text("slug");
      boolean isPublic = expectedPublic.get(slug);
      boolean isLive = expectedLive.get(slug);
      ArticleStatus status = ArticleStatus.of(row.text("status"));
      Instant publishedAt = row.isNull("published_at") ? null : row.exactInstant("published_at");
      Instant deletedAt = row.isNull("deleted_at") ? null : row.exactInstant("deleted_at");
      Instant now = row.exactInstant("now");

      assertThat(row.bool("java_condition")).as(slug).isEqualTo(isPublic);
      assertThat(row.bool("sql_public")).as(slug).isEqualTo(isPublic);
      assertThat(PublicArticles.isPublic(status, publishedAt, deletedAt, now))
          .as(slug)
          .isEqualTo(isPublic);
      assertThat(row.bool("sql_live")).as(slug).isEqualTo(isLive);
      assertThat(row.bool("tag_copy")).as(slug).isEqualTo(isLive);
      assertThat(row.bool("tag_copy_public")).as(slug).isEqualTo(isPublic);
      assertThat(row.bool("counters_copy")).as(slug).isEqualTo(isLive);
      assertThat(row.bool("counters_copy_public")).as(slug).isEqualTo(isPublic);
      assertThat(PublicArticles.isLive(status, deletedAt)).as(slug).isEqualTo(isLive);
      assertThat(row.bool("java_scheduled")).as(slug).isEqualTo(isLive && !isPublic);
      assertThat(PublicArticles.isScheduled(status, publishedAt, deletedAt, now))
          .as(slug)
          .isEqualTo(isLive && !isPublic);
    }
  }
}
