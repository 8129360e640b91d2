package io.pressroom.delivery;

import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the purge outbox ({@code edge_purges}), apart from {@link DeliveryQueries} because
 * nothing else in delivery/ touches it.
 */
@ApplicationScoped
class EdgePurgeQueries {

  /** A queued purge and its keys. */
  record Queued(long id, String keys) {}

  private final EntityManager entityManager;

  EdgePurgeQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Queues a purge due now, or at {@code dueAt} (a scheduled publication's instant); a purge due
   * later counts as created then, so that waiting for its instant does not look like a backlog.
   */
  void insert(String keys, Instant dueAt) {
    if (dueAt == null) {
      entityManager
          .createNativeQuery("insert into edge_purges (keys) values (:keys)")
          .setParameter("keys", keys)
          .executeUpdate();
      return;
    }
    entityManager
        .createNativeQuery(
            "insert into edge_purges (keys, created_at, next_attempt_at) values (:keys, :due, :due)")
        .setParameter("keys", keys)
        .setParameter("due", OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * The oldest purges due now, locked until the transaction ends; rows another instance is sending
   * are skipped, so no two instances send the same purge at once.
   */
  List<Queued> lockDue(int limit) {
    return new SqlBuilder()
            .append("select id as id, keys as keys from edge_purges")
            .append(" where next_attempt_at <= now() order by id limit :limit", "limit", limit)
            .append(" for update skip locked")
            .rows(entityManager)
            .stream()
            .map(row -> new Queued(row.getLong("id"), row.text("keys")))
            .toList();
  }

  void delete(List<Long> ids) {
    entityManager
        .createNativeQuery("delete from edge_purges where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Tries again after {@code first}, doubling with each failure up to {@code longest}. */
  void postpone(List<Long> ids, Duration first, Duration longest, String error) {
    entityManager
        .createNativeQuery(
            "update edge_purges set attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = now() + make_interval(secs => least(:longest,"
                + " :first * power(2, least(attempts, 30)))) where id in (:ids)")
        .setParameter("error", error)
        .setParameter("first", (double) first.toSeconds())
        .setParameter("longest", (double) longest.toSeconds())
        .setParameter("ids", ids)
        .executeUpdate();
  }

  Optional<Instant> oldest() {
    Row row =
        new SqlBuilder()
            .append("select min(created_at) as oldest from edge_purges where created_at <= now()")
            .single(entityManager);
    return row.isNull("oldest") ? Optional.empty() : Optional.of(row.instant("oldest"));
  }
}
