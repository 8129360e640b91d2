package io.pressroom.feedback;

import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleRef;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Likes and ratings of published articles. Each write inserts, changes or deletes the reader's own
 * row first and moves the article's counters in the same transaction (a like or its withdrawal in
 * the same statement, {@link ArticleGateway#writeVisible}), and only when the row really changed;
 * so the counters stay equal to the rows however many readers act at once, and repeating a request
 * changes nothing.
 */
@ApplicationScoped
public class FeedbackService {

  /** Enough for any interleaving of one reader's own concurrent rating requests. */
  private static final int MAX_ATTEMPTS = 10;

  private final FeedbackQueries queries;
  private final ArticleGateway articles;
  private final Event<ArticleChanged> changes;

  FeedbackService(FeedbackQueries queries, ArticleGateway articles, Event<ArticleChanged> changes) {
    this.queries = queries;
    this.articles = articles;
    this.changes = changes;
  }

  /** The reader likes the article; liking it again changes nothing. */
  @Transactional
  public void like(long accountId, String slug) {
    ArticleGateway.Written like =
        articles.writeVisible(slug, ArticleGateway.CountedWrite.of(queries.like(accountId), 1, 0));
    if (like.changed()) {
      feedbackChanged(like.article());
    }
  }

  /** The reader takes the like back; when there is none, nothing changes. */
  @Transactional
  public void unlike(long accountId, String slug) {
    ArticleGateway.Written unlike =
        articles.writeVisible(
            slug, ArticleGateway.CountedWrite.of(queries.unlike(accountId), -1, 0));
    if (unlike.changed()) {
      feedbackChanged(unlike.article());
    }
  }

  /**
   * The reader's score for the article, replacing any earlier one. A new rating counts once; a
   * changed one moves the sum and the histogram from the score read from the reader's row under its
   * lock.
   */
  @Transactional
  public void rate(long accountId, String slug, int score) {
    if (score < 1 || score > 5) {
      throw ProblemException.invalidField("score", RatingRequest.SCORE_RANGE);
    }
    ArticleRef article = target(slug);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (queries.insertRating(article.id(), accountId, score)) {
        articles.countRatings(article.id(), score, 0);
        feedbackChanged(article);
        return;
      }
      OptionalInt previous = queries.lockScore(article.id(), accountId);
      if (previous.isPresent()) {
        if (score != previous.getAsInt()) {
          queries.updateScore(article.id(), accountId, score);
          articles.countRatings(article.id(), score, previous.getAsInt());
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
    ArticleRef article = target(slug);
    OptionalInt withdrawn = queries.deleteRating(article.id(), accountId);
    if (withdrawn.isPresent()) {
      articles.countRatings(article.id(), 0, withdrawn.getAsInt());
      feedbackChanged(article);
    }
  }

  /**
   * The ratings of a published article and the caller's own score, in one statement with the
   * article (404 when there is none to see, 410 once deleted).
   */
  public RatingSummary ratings(String slug, OptionalLong accountId) {
    return FeedbackQueries.ratingSummary(
        articles.requireVisible(slug, queries.ratingColumns(accountId)).row());
  }

  /** A published article's id and slug; 404 when there is none to see, 410 once deleted. */
  private ArticleRef target(String slug) {
    return articles.requireVisible(slug);
  }

  /** Tells caches that the article's feedback changed. */
  private void feedbackChanged(ArticleRef article) {
    changes.fire(new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.FEEDBACK));
  }
}
