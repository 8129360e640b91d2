package io.pressroom.webhook;

import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The webhook tables as tests see them, read and written directly: the delivery log is written by
 * the dispatcher, which these tests stand in for.
 */
@ApplicationScoped
class WebhookRows {

  private final EntityManager entityManager;

  WebhookRows(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The events filed under an article, oldest first. */
  List<Row> eventsOfArticle(long articleId) {
    return read(
        new SqlBuilder().append(EVENT + " where article_id = :id order by id", "id", articleId));
  }

  /** The events of a type whose payload mentions {@code text}, oldest first. */
  List<Row> events(String type, String text) {
    return read(
        new SqlBuilder()
            .append(EVENT + " where type = :type", "type", type)
            .append(" and strpos(payload, :text) > 0 order by id", "text", text));
  }

  Row event(String messageId) {
    return read(new SqlBuilder().append(EVENT + " where message_id = :m", "m", messageId)).get(0);
  }

  private static final String EVENT =
      "select id as id, message_id as message_id, type as type, occurred_at as occurred_at,"
          + " deliverable_at as deliverable_at, article_id as article_id, author_id as author_id,"
          + " array_to_string(tag_ids, ',') as tag_ids, subscription_id as subscription_id,"
          + " payload as payload, fanned_out_at as fanned_out_at from webhook_events";

  /** The article's publication instant, with all its precision. */
  Instant publishedAt(String slug) {
    return read(new SqlBuilder()
            .append("select published_at as at from articles where slug = :slug", "slug", slug))
        .get(0)
        .exactInstant("at");
  }

  long articleId(String slug) {
    return read(new SqlBuilder()
            .append("select id as id from articles where slug = :slug", "slug", slug))
        .get(0)
        .getLong("id");
  }

  /** Tag ids by slug, in the order asked. */
  List<Long> tagIds(String... slugs) {
    return Arrays.stream(slugs)
        .map(
            slug ->
                read(new SqlBuilder()
                        .append("select id as id from tags where slug = :s", "s", slug))
                    .get(0)
                    .getLong("id"))
        .toList();
  }

  /** Stops every subscription, as though nobody had subscribed. */
  void disableAll() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                new SqlBuilder()
                    .append("update webhook_subscriptions set enabled = false,")
                    .append(" disabled_at = now() where enabled")
                    .execute(entityManager));
  }

  Row subscription(long id) {
    return read(new SqlBuilder()
            .append("select secret as secret, previous_secret as previous_secret,")
            .append(" previous_secret_expires_at as previous_secret_expires_at")
            .append(" from webhook_subscriptions where id = :id", "id", id))
        .get(0);
  }

  /**
   * An event already fanned out to the subscription, with a delivery in {@code state} and {@code
   * attempts} logged attempts (statuses 500, then 200 for a delivered one); the delivery's id.
   */
  long delivery(long subscriptionId, String messageId, String state, int attempts) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long event =
                  new SqlBuilder()
                      .append("insert into webhook_events (message_id, type, occurred_at,")
                      .append(
                          " payload, fanned_out_at) values (:m, 'tag.created', now(),",
                          "m",
                          messageId)
                      .append(" '{}', now()) returning id as id")
                      .single(entityManager)
                      .getLong("id");
              long delivery =
                  new SqlBuilder()
                      .append("insert into webhook_deliveries (event_id, subscription_id, state,")
                      .append(
                          " attempts, next_attempt_at, last_attempt_at) values (:e, :s,",
                          "e",
                          event)
                      .append(
                          " :state, :n, now() + interval '1 hour', now() - interval '1 minute')")
                      .bind("s", subscriptionId)
                      .bind("state", state)
                      .bind("n", attempts)
                      .append(" returning id as id")
                      .single(entityManager)
                      .getLong("id");
              for (int i = 1; i <= attempts; i++) {
                int status = state.equals("delivered") && i == attempts ? 200 : 500;
                new SqlBuilder()
                    .append("insert into webhook_attempts (delivery_id, subscription_id, event_id,")
                    .append(" attempted_at, status, duration_ms, error, response_excerpt)")
                    .append(
                        " values (:d, :s, :e, now() - interval '1 minute', :status, 40,",
                        "d",
                        delivery)
                    .append(" null, 'answer ' || :status)")
                    .bind("s", subscriptionId)
                    .bind("e", event)
                    .bind("status", status)
                    .execute(entityManager);
              }
              return delivery;
            });
  }

  Row deliveryRow(long id) {
    return read(new SqlBuilder()
            .append("select state as state, attempts as attempts,")
            .append(" next_attempt_at <= now() as due from webhook_deliveries")
            .append(" where id = :id", "id", id))
        .get(0);
  }

  /** Disables a subscription as the dispatcher does when its target answers 410. */
  void disableAsGone(long id) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                new SqlBuilder()
                    .append("update webhook_subscriptions set enabled = false,")
                    .append(
                        " disabled_reason = 'gone', disabled_at = now() where id = :id", "id", id)
                    .execute(entityManager));
  }

  private List<Row> read(SqlBuilder sql) {
    return QuarkusTransaction.requiringNew().call(() -> sql.rows(entityManager));
  }
}
