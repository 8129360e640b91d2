package io.pressroom.feedback;

import static io.pressroom.web.Rows.asBoolean;
import static io.pressroom.web.Rows.asLong;

import io.pressroom.article.ArticleChanged;
import io.pressroom.web.ProblemException;
import io.pressroom.web.PublicArticles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Likes and ratings of published articles. Each write inserts, changes or deletes the reader's own
 * row first and moves the article's counters in the same transaction (see {@link FeedbackQueries}),
 * and only when the row really changed; so the counters stay equal to the rows however many readers
 * act at once, and repeating a request changes nothing.
 */
@ApplicationScoped
public class FeedbackService {

  /** Enough for any interleaving of one reader's own concurrent rating requests. */
  private static final int MAX_ATTEMPTS = 10;

  private final FeedbackQueries queries;
  private final EntityManager entityManager;
  private final Event<ArticleChanged> changes;

  FeedbackService(
      FeedbackQueries queries, EntityManager entityManager, Event<ArticleChanged> changes) {
    this.queries = queries;
    this.entityManager = entityManager;
    this.changes = changes;
  }

  /** The reader likes the article; liking it again changes nothing. */
  @Transactional
  public void like(long accountId, String slug) {
    Target article = target(slug);
    if (queries.insertLike(article.id(), accountId)) {
      queries.moveLikeCount(article.id(), 1);
      feedbackChanged(article);
    }
  }

  /** The reader takes the like back; when there is none, nothing changes. */
  @Transactional
  public void unlike(long accountId, String slug) {
    Target article = target(slug);
    if (queries.deleteLike(article.id(), accountId)) {
      queries.moveLikeCount(article.id(), -1);
      feedbackChanged(article);
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
    Target article = target(slug);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (queries.insertRating(article.id(), accountId, score)) {
        queries.countNewRating(article.id(), score);
        feedbackChanged(article);
        return;
      }
      OptionalInt previous = queries.lockScore(article.id(), accountId);
      if (previous.isPresent()) {
        int delta = score - previous.getAsInt();
        if (delta != 0) {
          queries.updateScore(article.id(), accountId, score);
          queries.moveRatingSum(article.id(), delta);
          feedbackChanged(article);
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
    Target article = target(slug);
    OptionalInt withdrawn = queries.deleteRating(article.id(), accountId);
    if (withdrawn.isPresent()) {
      queries.uncountRating(article.id(), withdrawn.getAsInt());
      feedbackChanged(article);
    }
  }

  /**
   * The ratings of a published article and the caller's own score, in one statement: the article is
   * decided about from the same row (404 when there is none to see, 410 once deleted).
   */
  public RatingSummary ratings(String slug, OptionalLong accountId) {
    FeedbackQueries.RatedArticle rated =
        queries.ratings(slug, accountId).orElseThrow(() -> notFound(slug));
    if (rated.deleted()) {
      throw ProblemException.gone("The article '" + slug + "' has been deleted.");
    }
    if (!rated.isPublic()) {
      throw notFound(slug);
    }
    return rated.summary();
  }

  /** A published article's id and slug; 404 when there is none to see, 410 once deleted. */
  private Target target(String slug) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select a.id, a.deleted_at is not null, ("
                    + PublicArticles.condition("a")
                    + ") from articles a where a.slug = :slug")
            .setParameter("slug", slug)
            .getResultList();
    return new Target(asLong(check(slug, rows)[0]), slug);
  }

  private static Object[] check(String slug, List<Object[]> rows) {
    if (rows.isEmpty()) {
      throw notFound(slug);
    }
    Object[] row = rows.get(0);
    if (asBoolean(row[1])) {
      throw ProblemException.gone("The article '" + slug + "' has been deleted.");
    }
    if (!asBoolean(row[2])) {
      throw notFound(slug);
    }
    return row;
  }

  /** Tells caches that the article's feedback changed. */
  private void feedbackChanged(Target article) {
    changes.fire(new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.FEEDBACK));
  }

  private static ProblemException notFound(String slug) {
    return ProblemException.notFound("No article has the slug '" + slug + "'.");
  }

  private record Target(long id, String slug) {}
}
