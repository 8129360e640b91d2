package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Writes the changes feed inside the transaction of every article write, so a change is recorded
 * exactly when, and only if, the write commits. What to record comes with the event: the article
 * package decides it as part of its own write. Feedback (likes, ratings, comments) changes only
 * counters and is left out: the feed is for content, and counters would drown it.
 */
@ApplicationScoped
class ChangeLog {

  private final EntityManager entityManager;
  private final ArticleGateway articles;
  private final DeliveryQueries queries;

  ChangeLog(EntityManager entityManager, ArticleGateway articles, DeliveryQueries queries) {
    this.entityManager = entityManager;
    this.articles = articles;
    this.queries = queries;
  }

  void record(@Observes ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      return;
    }
    ArticleChanged.FeedOp op =
        change.feedOp() == ArticleChanged.FeedOp.UNSETTLED
            ? articles.settleFeed(change.articleId())
            : change.feedOp();
    if (op == ArticleChanged.FeedOp.UPSERT || op == ArticleChanged.FeedOp.DELETE) {
      entityManager.flush();
      queries.recordChange(change.articleId(), op.value());
    }
  }
}
