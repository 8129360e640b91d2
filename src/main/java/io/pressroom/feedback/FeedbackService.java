package io.pressroom.feedback;

import static io.pressroom.web.Rows.asInt;
import static io.pressroom.web.Rows.asLong;

import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleRef;
import io.pressroom.web.ProblemException;
import io.pressroom.web.Row;
import io.pressroom.web.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * Likes and ratings of published articles. Each write inserts, changes or deletes the reader's own
 * row first and moves the article's counters by SQL increments in the same transaction, and only
 * when the row really changed; so the counters stay equal to the rows however many readers act at
 * once, and repeating a request changes nothing.
 */
@ApplicationScoped
public class FeedbackService {

  /** Enough for any interleaving of one reader's own concurrent rating requests. */
  private static final int MAX_ATTEMPTS = 10;

  private final EntityManager entityManager;
  private final Event<ArticleChanged> changes;
  private final ArticleGateway articles;

  FeedbackService(
      EntityManager entityManager, Event<ArticleChanged> changes, ArticleGateway articles) {
    this.entityManager = entityManager;
    this.articles = articles;
    this.changes = changes;
  }

  /** The reader likes the article; liking it again changes nothing. */
  @Transactional
  public void like(long accountId, String slug) {
    ArticleRef article = target(slug);
    int inserted =
        entityManager
            .createNativeQuery(
                "insert into likes (article_id, account_id) values (:article, :me)"
                    + " on conflict do nothing")
            .setParameter("article", article.id())
            .setParameter("me", accountId)
            .executeUpdate();
    if (inserted == 1) {
      counters(article, "like_count = like_count + :delta", 1);
    }
  }

  /** The reader takes the like back; when there is none, nothing changes. */
  @Transactional
  public void unlike(long accountId, String slug) {
    ArticleRef article = target(slug);
    int deleted =
        entityManager
            .createNativeQuery("delete from likes where article_id = :article and account_id = :me")
            .setParameter("article", article.id())
            .setParameter("me", accountId)
            .executeUpdate();
    if (deleted == 1) {
      counters(article, "like_count = like_count + :delta", -1);
    }
  }

  /**
   * The reader's score for the article, replacing any earlier one. A new rating counts once; a
   * changed one moves the sum by the difference, read from the reader's row under its lock.
   */
  @Transactional
  public void rate(long accountId, String slug, int score) {
    if (score < 1 || score > 5) {
      throw ProblemException.invalidField("score", RatingRequest.SCORE_RANGE);
    }
    ArticleRef article = target(slug);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int inserted =
          entityManager
              .createNativeQuery(
                  "insert into ratings (article_id, account_id, score)"
                      + " values (:article, :me, :score) on conflict do nothing")
              .setParameter("article", article.id())
              .setParameter("me", accountId)
              .setParameter("score", score)
              .executeUpdate();
      if (inserted == 1) {
        counters(
            article, "rating_count = rating_count + 1, rating_sum = rating_sum + :delta", score);
        return;
      }
      OptionalLong previous = lockedScore(article.id(), accountId);
      if (previous.isPresent()) {
        int delta = score - (int) previous.getAsLong();
        if (delta != 0) {
          entityManager
              .createNativeQuery(
                  "update ratings set score = :score, updated_at = now()"
                      + " where article_id = :article and account_id = :me")
              .setParameter("score", score)
              .setParameter("article", article.id())
              .setParameter("me", accountId)
              .executeUpdate();
          counters(article, "rating_sum = rating_sum + :delta", delta);
        }
        return;
      }
      // The row was deleted between the insert and the lock by the reader's own concurrent
      // request: insert again.
    }
    throw new IllegalStateException("The rating kept changing under this request");
  }

  /** The reader withdraws the rating; when there is none, nothing changes. */
  @Transactional
  public void unrate(long accountId, String slug) {
    ArticleRef article = target(slug);
    @SuppressWarnings("unchecked")
    List<Object> deleted =
        entityManager
            .createNativeQuery(
                "delete from ratings where article_id = :article and account_id = :me"
                    + " returning score")
            .setParameter("article", article.id())
            .setParameter("me", accountId)
            .getResultList();
    if (!deleted.isEmpty()) {
      counters(
          article,
          "rating_count = rating_count - 1, rating_sum = rating_sum + :delta",
          -asInt(deleted.get(0)));
    }
  }

  /**
   * The ratings of a published article: the counters, the histogram (grouped over this article's
   * rows only) and the caller's own score, in one statement.
   */
  public RatingSummary ratings(String slug, OptionalLong accountId) {
    SqlBuilder joins =
        new SqlBuilder()
            .append(" left join lateral (select")
            .append(" count(*) filter (where r.score = 1) as s1,")
            .append(" count(*) filter (where r.score = 2) as s2,")
            .append(" count(*) filter (where r.score = 3) as s3,")
            .append(" count(*) filter (where r.score = 4) as s4,")
            .append(" count(*) filter (where r.score = 5) as s5")
            .append(" from ratings r where r.article_id = a.id) h on true");
    if (accountId.isPresent()) {
      joins.append(
          " left join ratings m on m.article_id = a.id and m.account_id = :me",
          "me",
          accountId.getAsLong());
    }
    Row row =
        articles
            .requireVisible(
                slug,
                ArticleGateway.Lock.NONE,
                new ArticleGateway.Extra(
                    "a.rating_count as rating_count, a.rating_average as rating_average, h.s1 as"
                        + " s1, h.s2 as s2, h.s3 as s3, h.s4 as s4, h.s5 as s5, "
                        + (accountId.isPresent() ? "m.score" : "cast(null as smallint)")
                        + " as mine",
                    joins))
            .row();
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

  /** A published article's id and slug; 404 when there is none to see, 410 once deleted. */
  private ArticleRef target(String slug) {
    return articles.requireVisible(slug, ArticleGateway.Lock.NONE);
  }

  private OptionalLong lockedScore(long articleId, long accountId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        entityManager
            .createNativeQuery(
                "select score from ratings where article_id = :article and account_id = :me"
                    + " for update")
            .setParameter("article", articleId)
            .setParameter("me", accountId)
            .getResultList();
    return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(asLong(rows.get(0)));
  }

  /**
   * Moves the article's counters by {@code delta} as {@code assignments} say (SQL increments, never
   * a value computed here) and tells caches that its feedback changed.
   */
  private void counters(ArticleRef article, String assignments, int delta) {
    entityManager
        .createNativeQuery("update articles set " + assignments + " where id = :article")
        .setParameter("delta", delta)
        .setParameter("article", article.id())
        .executeUpdate();
    changes.fire(new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.FEEDBACK));
  }
}
