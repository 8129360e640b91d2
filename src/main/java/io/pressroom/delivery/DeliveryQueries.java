package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import io.pressroom.db.BackgroundSql;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * All the SQL of delivery/ (the changes feed, the response cache and its invalidations), read by
 * column alias. The change log that writes {@code article_changes} belongs to the articles' writes
 * ({@link ChangeLog}).
 */
@ApplicationScoped
class DeliveryQueries {

  /**
   * A change of each of the articles {@code :ids}, with the tags each has now and, when its
   * previous change left it visible, those of them it no longer has (after a delete its pollers
   * were told already). Every writer of an article holds its row's lock when it records a change,
   * so the previous change is committed and read here, and is the latest by sequence.
   */
  private static final String RECORD_CHANGES =
      "insert into article_changes (article_id, op, tag_ids, left_tag_ids)"
          + " select a.id, :op, now_tags.ids,"
          + " array(select t from unnest(previous.tag_ids) t"
          + " where previous.op = 'upsert' and t <> all (now_tags.ids))"
          + " from articles a"
          + " cross join lateral (select coalesce(array_agg(at.tag_id order by at.tag_id),"
          + " '{}') as ids from article_tags at where at.article_id = a.id) now_tags"
          + " left join lateral (select c.op, c.tag_ids from article_changes c"
          + " where c.article_id = a.id order by c.seq desc limit 1) previous on true"
          + " where a.id in (:ids) order by a.id";

  private final EntityManager entityManager;
  private final DataSource dataSource;

  DeliveryQueries(EntityManager entityManager, DataSource dataSource) {
    this.entityManager = entityManager;
    this.dataSource = dataSource;
  }

  /**
   * One row of {@code article_changes}, with the article's slug. {@code inTag}: whether the article
   * had the polled tag after the change (true when no tag is polled); false for a change that took
   * the tag away.
   */
  record Change(
      String txid,
      long seq,
      long articleId,
      String op,
      Instant changedAt,
      String slug,
      boolean inTag) {

    /**
     * Whether the change left the article in the poller's view (an upsert of an article that has
     * the polled tag), rather than out of it: deleted, unpublished, or no longer tagged so.
     */
    boolean leftInView() {
      return "upsert".equals(op) && inTag;
    }
  }

  /** The id of the tag with this slug. */
  Optional<Long> tagId(String slug) {
    return new SqlBuilder()
            .append("select t.id as id from tags t where t.slug = :slug", "slug", slug)
            .rows(entityManager)
            .stream()
            .findFirst()
            .map(row -> row.getLong("id"));
  }

  /**
   * Changes after (txid, seq), oldest first, of transactions older than every one still running;
   * when a tag is given, those that left the article with the tag or took it away.
   */
  List<Change> after(String afterTxid, long afterSeq, Optional<Long> tagId, int limit) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "select c.txid::text as txid, c.seq as seq, c.article_id as article_id,"
                    + " c.op as op, c.changed_at as changed_at, a.slug as slug, ")
            .append(tagId.isPresent() ? "cast(:tag as bigint) = any (c.tag_ids)" : "true")
            .append(" as in_tag")
            .append(" from article_changes c join articles a on a.id = c.article_id")
            .append(" where (c.txid, c.seq) > (cast(:afterTxid as xid8), :afterSeq)")
            .bind("afterTxid", afterTxid)
            .bind("afterSeq", afterSeq)
            .append(" and c.txid < pg_snapshot_xmin(pg_current_snapshot())");
    tagId.ifPresent(
        id ->
            sql.append(
                " and (cast(:tag as bigint) = any (c.tag_ids)"
                    + " or cast(:tag as bigint) = any (c.left_tag_ids))",
                "tag",
                id));
    sql.append(" order by c.txid, c.seq limit :limit", "limit", limit);
    return sql.rows(entityManager).stream()
        .map(
            row ->
                new Change(
                    row.text("txid"),
                    row.getLong("seq"),
                    row.getLong("article_id"),
                    row.text("op"),
                    row.instant("changed_at"),
                    row.text("slug"),
                    row.bool("in_tag")))
        .toList();
  }

  /**
   * The position of the latest change a follower may take now (see {@link #after}), or 0/0 when
   * there is none.
   */
  ChangePosition latestSafe() {
    return BackgroundSql.rows(
            entityManager,
            "select c.txid::text as txid, c.seq as seq from article_changes c"
                + " where c.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " order by c.txid desc, c.seq desc limit 1")
        .stream()
        .findFirst()
        .map(row -> new ChangePosition(row.text("txid"), row.getLong("seq"), 0))
        .orElse(new ChangePosition("0", 0, 0));
  }

  /**
   * For followers in the background: the positions and articles of the changes after (txid, seq),
   * under the rule of {@link #after}.
   */
  List<ChangePosition> positionsAfter(String afterTxid, long afterSeq, int limit) {
    return BackgroundSql.rows(
            entityManager,
            "select c.txid::text as txid, c.seq as seq, c.article_id as article_id"
                + " from article_changes c where (c.txid, c.seq) > (cast(? as xid8), ?)"
                + " and c.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " order by c.txid, c.seq limit ?",
            afterTxid,
            afterSeq,
            limit)
        .stream()
        .map(
            row ->
                new ChangePosition(row.text("txid"), row.getLong("seq"), row.getLong("article_id")))
        .toList();
  }

  /**
   * Records that an article changed (upsert) or left what readers may see (delete), with its tags
   * now and those its previous change had and it no longer has ({@link #RECORD_CHANGES}).
   */
  void recordChange(long articleId, String op) {
    entityManager
        .createNativeQuery(RECORD_CHANGES)
        .setParameter("op", op)
        .setParameter("ids", List.of(articleId))
        .executeUpdate();
  }

  /**
   * Sends a notification on the current transaction's connection; PostgreSQL delivers it to the
   * listeners of {@code channel} when the transaction commits, never if it rolls back.
   */
  void announce(String channel, String payload) {
    new SqlBuilder()
        .append("select 1 as sent from pg_notify(:channel, :payload)")
        .bind("channel", channel)
        .bind("payload", payload)
        .single(entityManager);
  }

  /**
   * Sends several payloads in one statement and its own transaction (autocommit on a pooled
   * connection, outside any request's unit of work). They are joined by newlines, which no payload
   * holds (see {@link Invalidation#encode}), so that the statement keeps one shape whatever their
   * number.
   */
  void announceAll(String channel, List<String> payloads) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from (select pg_notify(?, p)"
                    + " from unnest(string_to_array(?, ?)) p) n")) {
      statement.setString(1, channel);
      statement.setString(2, String.join("\n", payloads));
      statement.setString(3, "\n");
      statement.executeQuery().close();
    }
  }

  /** Records that these articles became visible, in one statement whatever their number. */
  void recordUpserts(List<Long> articleIds) {
    if (articleIds.isEmpty()) {
      return;
    }
    entityManager
        .createNativeQuery(RECORD_CHANGES)
        .setParameter("op", ArticleChanged.FeedOp.UPSERT.value())
        .setParameter("ids", articleIds)
        .executeUpdate();
  }
}
