package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select deleted_at is null and status = 'published' and published_at <= now(),"
                    + " deleted_at is null and status = 'published' and published_at > now(),"
                    + " listed from articles where id = :id for update")
            .setParameter("id", change.articleId())
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    boolean visible = Boolean.TRUE.equals(rows.get(0)[0]);
    boolean scheduled = Boolean.TRUE.equals(rows.get(0)[1]);
    boolean listed = Boolean.TRUE.equals(rows.get(0)[2]);
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
