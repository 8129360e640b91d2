package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import io.pressroom.web.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Optional;

/**
 * Writes the changes feed inside the transaction of every article write, so a change is recorded
 * exactly when, and only if, the write commits. Feedback (likes, ratings, comments) changes only
 * counters and is left out: the feed is for content, and counters would drown it.
 */
@ApplicationScoped
class ChangeLog {

  private final EntityManager entityManager;

  ChangeLog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  void record(@Observes ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      return;
    }
    entityManager.flush();
    Optional<Row> row =
        Row.first(
            entityManager
                .createNativeQuery(
                    "select deleted_at is null and status = 'published' and published_at <= now()"
                        + " as visible, deleted_at is null and status = 'published'"
                        + " and published_at > now() as scheduled, listed"
                        + " from articles where id = :id for update",
                    Tuple.class)
                .setParameter("id", change.articleId()));
    if (row.isEmpty()) {
      return;
    }
    boolean visible = row.get().bool("visible");
    boolean scheduled = row.get().bool("scheduled");
    boolean listed = row.get().bool("listed");
    if (visible) {
      append(change.articleId(), "upsert");
    } else if (listed) {
      append(change.articleId(), "delete");
    }
    entityManager
        .createNativeQuery(
            "update articles set listed = :listed, announce_pending = :pending where id = :id")
        .setParameter("listed", visible)
        .setParameter("pending", scheduled)
        .setParameter("id", change.articleId())
        .executeUpdate();
  }

  private void append(long articleId, String op) {
    entityManager
        .createNativeQuery("insert into article_changes (article_id, op) values (:id, :op)")
        .setParameter("id", articleId)
        .setParameter("op", op)
        .executeUpdate();
  }
}
