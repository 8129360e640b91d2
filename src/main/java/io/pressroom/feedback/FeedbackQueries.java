package io.pressroom.feedback;

import io.pressroom.article.ArticleGateway;
import io.pressroom.db.Row;
import io.pressroom.db.Rows;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * All the SQL of likes and ratings. The article's counters beside them belong to the article
 * package ({@code ArticleGateway.writeVisible}, {@code countRatings}).
 */
@ApplicationScoped
class FeedbackQueries {

  private final EntityManager entityManager;

  FeedbackQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Records the reader's like of the article found as {@code target t}, if there was none (see
   * {@link ArticleGateway.CountedWrite}).
   */
  SqlBuilder like(long accountId) {
    return new SqlBuilder()
        .append(
            "insert into likes (article_id, account_id) select t.id, :me from target t"
                + " where t.visible on conflict do nothing returning article_id",
            "me",
            accountId);
  }

  /** Removes the reader's like of the article found as {@code target t}, if there was one. */
  SqlBuilder unlike(long accountId) {
    return new SqlBuilder()
        .append(
            "delete from likes l using target t where l.article_id = t.id and l.account_id = :me"
                + " and t.visible returning l.article_id",
            "me",
            accountId);
  }

  /** Records a first rating; returns false when the reader already has one. */
  boolean insertRating(long articleId, long accountId, int score) {
    return entityManager
            .createNativeQuery(
                "insert into ratings (article_id, account_id, score)"
                    + " values (:article, :me, :score) on conflict do nothing")
            .setParameter("article", articleId)
            .setParameter("me", accountId)
            .setParameter("score", score)
            .executeUpdate()
        == 1;
  }

  /** The reader's score, its row locked until the end of the transaction; empty without one. */
  OptionalInt lockScore(long articleId, long accountId) {
    @SuppressWarnings("unchecked")
    List<Object> scores =
        entityManager
            .createNativeQuery(
                "select score from ratings where article_id = :article and account_id = :me"
                    + " for update")
            .setParameter("article", articleId)
            .setParameter("me", accountId)
            .getResultList();
    return scores.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Rows.asInt(scores.get(0)));
  }

  void updateScore(long articleId, long accountId, int score) {
    entityManager
        .createNativeQuery(
            "update ratings set score = :score, updated_at = now()"
                + " where article_id = :article and account_id = :me")
        .setParameter("score", score)
        .setParameter("article", articleId)
        .setParameter("me", accountId)
        .executeUpdate();
  }

  /** Removes the reader's rating; returns the score it had, empty when there was none. */
  OptionalInt deleteRating(long articleId, long accountId) {
    @SuppressWarnings("unchecked")
    List<Object> scores =
        entityManager
            .createNativeQuery(
                "delete from ratings where article_id = :article and account_id = :me"
                    + " returning score")
            .setParameter("article", articleId)
            .setParameter("me", accountId)
            .getResultList();
    return scores.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Rows.asInt(scores.get(0)));
  }

  /**
   * What the rating summary reads beside the article, in the article's own statement: the counters
   * with the histogram kept beside them (V30), and the reader's own score when {@code accountId} is
   * given.
   */
  ArticleGateway.Extra ratingColumns(OptionalLong accountId) {
    SqlBuilder joins = new SqlBuilder().append(ArticleGateway.COUNTERS_JOIN);
    if (accountId.isPresent()) {
      joins.append(
          " left join ratings m on m.article_id = a.id and m.account_id = :me",
          "me",
          accountId.getAsLong());
    }
    return new ArticleGateway.Extra(
        "ctr.rating_count as rating_count, ctr.rating_average as rating_average, ctr.rating_1 as"
            + " s1, ctr.rating_2 as s2, ctr.rating_3 as s3, ctr.rating_4 as s4, ctr.rating_5 as"
            + " s5, "
            + (accountId.isPresent() ? "m.score" : "cast(null as smallint)")
            + " as mine",
        joins);
  }

  /** The summary from a row read with {@link #ratingColumns}. */
  static RatingSummary ratingSummary(Row row) {
    return new RatingSummary(
        Math.round(row.getDouble("rating_average") * 100) / 100.0,
        row.getInt("rating_count"),
        new RatingSummary.Histogram(
            row.getLong("s1"),
            row.getLong("s2"),
            row.getLong("s3"),
            row.getLong("s4"),
            row.getLong("s5")),
        row.nullableInt("mine"));
  }
}
