package io.pressroom.webhook;

import io.pressroom.article.ArticleGateway;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every statement of the API half of webhooks: subscriptions, the recording of events, the delivery
 * log and redeliveries. Lists of values travel as comma-joined text ({@code string_to_array}), so
 * that no array type has to be bound; the values joined (event types, tag slugs, handles, ids) hold
 * no comma, which the service checks before they get here.
 */
@ApplicationScoped
class WebhookQueries {

  /** Where subscriptions are read: a view (tags and authors by name) in one statement. */
  private static final String VIEW =
      "select s.id as id, s.url as url, array_to_string(s.events, ',') as events,"
          + " s.tag_ids is null as all_tags, s.author_ids is null as all_authors,"
          + " (select string_agg(t.slug, ',' order by t.slug) from tags t"
          + " where t.id = any(s.tag_ids)) as tags,"
          + " (select string_agg(a.handle, ',' order by a.handle) from accounts a"
          + " where a.id = any(s.author_ids)) as authors,"
          + " s.description as description, s.enabled as enabled,"
          + " s.disabled_reason as disabled_reason, s.disabled_at as disabled_at,"
          + " s.previous_secret_expires_at as previous_secret_expires_at,"
          + " s.created_at as created_at, s.updated_at as updated_at"
          + " from webhook_subscriptions s";

  /** An event to record; {@code articleId} set files it under the article's author and tags. */
  record NewEvent(
      String messageId,
      EventType type,
      Instant occurredAt,
      Instant deliverableAt,
      Long articleId,
      Long authorId,
      Long subscriptionId,
      String payload) {}

  private final EntityManager entityManager;

  WebhookQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  // Events

  /**
   * Inserts the event in one statement, only if an enabled subscription wants its type when {@code
   * wanted} (nobody subscribed: a write costs no row); whether a row was written. An article's
   * author and tags are read in the same statement, as the article package writes them.
   */
  boolean insertEvent(NewEvent event, boolean wanted) {
    boolean ofArticle = event.articleId() != null;
    SqlBuilder sql =
        new SqlBuilder()
            .append("insert into webhook_events (message_id, type, occurred_at, deliverable_at,")
            .append(" article_id, author_id, tag_ids, subscription_id, payload)")
            .append(" select cast(:messageId as text), cast(:type as text),")
            .append(" cast(:occurredAt as timestamptz), cast(:deliverableAt as timestamptz), ")
            .append(ofArticle ? "cast(:articleId as bigint), " : "null, ")
            .append(
                event.authorId() != null
                    ? "cast(:authorId as bigint), "
                    : ofArticle
                        ? ArticleGateway.authorIdSql("cast(:articleId as bigint)") + ", "
                        : "null, ")
            .append(ofArticle ? ArticleGateway.tagIdsSql("cast(:articleId as bigint)") : "'{}'")
            .append(event.subscriptionId() != null ? ", cast(:subscriptionId as bigint)" : ", null")
            .append(", cast(:payload as text)")
            .bind("messageId", event.messageId())
            .bind("type", event.type().value())
            .bind("occurredAt", event.occurredAt())
            .bind("deliverableAt", event.deliverableAt())
            .bind("payload", event.payload());
    if (ofArticle) {
      sql.bind("articleId", event.articleId());
    }
    if (event.authorId() != null) {
      sql.bind("authorId", event.authorId());
    }
    if (event.subscriptionId() != null) {
      sql.bind("subscriptionId", event.subscriptionId());
    }
    if (wanted) {
      sql.append(" where exists (select 1 from webhook_subscriptions w")
          .append(" where w.enabled and cast(:type as text) = any(w.events))");
    }
    // Run as the hot writes are (a comment records one): Hibernate's native query machinery cost
    // more application CPU than the statement.
    return !sql.append(" returning message_id").write(entityManager).isEmpty();
  }

  /**
   * Removes the scheduled article's go-live event that is still ahead at {@code now} (a schedule
   * cancelled or moved); whether there was one. {@code now} is the writer's instant, not the
   * database's, so that it agrees with the writer's judgement of whether the article was public.
   */
  boolean cancelGoLive(long articleId, Instant now) {
    return new SqlBuilder()
            .append("delete from webhook_events where article_id = :article", "article", articleId)
            .append(" and type = 'article.published' and fanned_out_at is null")
            .append(" and deliverable_at > cast(:now as timestamptz)", "now", now)
            .execute(entityManager)
        > 0;
  }

  /** A scheduled article's tags or author changed: its go-live event is scoped as it is now. */
  void rescopeGoLive(long articleId, Instant now) {
    new SqlBuilder()
        .append("update webhook_events set author_id = ")
        .append(ArticleGateway.authorIdSql("article_id"))
        .append(", tag_ids = ")
        .append(ArticleGateway.tagIdsSql("article_id"))
        .append(" where article_id = :article", "article", articleId)
        .append(" and type = 'article.published' and fanned_out_at is null")
        .append(" and deliverable_at > cast(:now as timestamptz)", "now", now)
        .execute(entityManager);
  }

  /** Sends the entity manager's pending changes, so that the statements above read them. */
  void flush() {
    entityManager.flush();
  }

  // Subscriptions

  /** Tag ids by slug and author ids by handle, of those that exist (authors: not readers). */
  record Known(Map<String, Long> tags, Map<String, Long> authors) {}

  Known resolve(List<String> tagSlugs, List<String> handles) {
    Row row =
        new SqlBuilder()
            .append("select (select string_agg(t.slug || ',' || t.id, ',') from tags t")
            .append(" where t.slug = any(string_to_array(:tags, ','))) as tags,")
            .append(" (select string_agg(a.handle || ',' || a.id, ',') from accounts a")
            .append(" where a.handle = any(string_to_array(:authors, ','))")
            .append(" and a.role <> 'reader') as authors")
            .bind("tags", String.join(",", tagSlugs))
            .bind("authors", String.join(",", handles))
            .single(entityManager);
    return new Known(pairs(row.text("tags")), pairs(row.text("authors")));
  }

  private static Map<String, Long> pairs(String joined) {
    if (joined == null) {
      return Map.of();
    }
    String[] parts = joined.split(",");
    Map<String, Long> pairs = new HashMap<>();
    for (int i = 0; i + 1 < parts.length; i += 2) {
      pairs.put(parts[i], Long.parseLong(parts[i + 1]));
    }
    return pairs;
  }

  /** The values of a subscription, as stored; null lists mean no restriction. */
  record Values(
      String url,
      List<String> events,
      List<Long> tagIds,
      List<Long> authorIds,
      String description,
      boolean enabled) {}

  long insert(Values values, String secret) {
    SqlBuilder sql =
        new SqlBuilder()
            .append("insert into webhook_subscriptions (url, events, tag_ids, author_ids,")
            .append(
                " description, enabled, disabled_at, secret) values (:url,", "url", values.url())
            .append(" string_to_array(:events, ','), ", "events", String.join(",", values.events()))
            .append(ids(values.tagIds(), "tagIds"))
            .append(", ")
            .append(ids(values.authorIds(), "authorIds"))
            .append(", cast(:description as text), :enabled,", "enabled", values.enabled())
            .append(" case when :enabled then null else now() end, :secret)", "secret", secret)
            .append(" returning id as id")
            .bind("description", values.description());
    idParameters(values).forEach(sql::bind);
    return sql.single(entityManager).getLong("id");
  }

  /**
   * Changes the named fields (the others stay). Enabling clears what the server had said about
   * disabling it; disabling records when, keeping a reason the server gave. Whether it exists.
   */
  boolean update(long id, Values values, Set<String> named) {
    SqlBuilder sql = new SqlBuilder().append("update webhook_subscriptions set updated_at = now()");
    if (named.contains("url")) {
      sql.append(", url = :url", "url", values.url());
    }
    if (named.contains("events")) {
      sql.append(
          ", events = string_to_array(:events, ',')", "events", String.join(",", values.events()));
    }
    if (named.contains("tags")) {
      sql.append(", tag_ids = ").append(ids(values.tagIds(), "tagIds"));
    }
    if (named.contains("authors")) {
      sql.append(", author_ids = ").append(ids(values.authorIds(), "authorIds"));
    }
    if (named.contains("description")) {
      sql.append(", description = cast(:description as text)", "description", values.description());
    }
    if (named.contains("enabled")) {
      sql.append(
          values.enabled()
              ? ", enabled = true, disabled_reason = null, disabled_at = null"
              : ", enabled = false, disabled_at = case when enabled then now() else disabled_at end");
    }
    sql.append(" where id = :id", "id", id);
    idParameters(values).forEach(sql::bind);
    return sql.execute(entityManager) > 0;
  }

  private static String ids(List<Long> ids, String parameter) {
    return ids == null ? "null" : "cast(string_to_array(:" + parameter + ", ',') as bigint[])";
  }

  private static Map<String, Object> idParameters(Values values) {
    Map<String, Object> parameters = new HashMap<>();
    if (values.tagIds() != null) {
      parameters.put("tagIds", joined(values.tagIds()));
    }
    if (values.authorIds() != null) {
      parameters.put("authorIds", joined(values.authorIds()));
    }
    return parameters;
  }

  private static String joined(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The subscription as the API shows it. */
  Optional<Row> view(long id) {
    return new SqlBuilder().append(VIEW + " where s.id = :id", "id", id).first(entityManager);
  }

  long count() {
    return new SqlBuilder()
        .append("select count(*) as total from webhook_subscriptions")
        .single(entityManager)
        .getLong("total");
  }

  /** Subscriptions in id order after {@code afterId}. */
  List<Row> page(Optional<Long> afterId, int offset, int limit) {
    SqlBuilder sql = new SqlBuilder().append(VIEW + " where true");
    afterId.ifPresent(after -> sql.append(" and s.id > :after", "after", after));
    return sql.append(" order by s.id limit :limit", "limit", limit)
        .append(" offset :offset", "offset", offset)
        .rows(entityManager);
  }

  boolean delete(long id) {
    return new SqlBuilder()
            .append("delete from webhook_subscriptions where id = :id", "id", id)
            .execute(entityManager)
        > 0;
  }

  /**
   * Replaces the secret; the old one signs as well until {@code previousExpiresAt}. Empty when
   * there is no such subscription.
   */
  boolean rotateSecret(long id, String secret, Instant previousExpiresAt) {
    return new SqlBuilder()
            .append("update webhook_subscriptions set previous_secret = secret,")
            .append(" previous_secret_expires_at = cast(:expires as timestamptz),")
            .bind("expires", previousExpiresAt)
            .append(" secret = :secret, updated_at = now()", "secret", secret)
            .append(" where id = :id", "id", id)
            .execute(entityManager)
        > 0;
  }

  /** Whether the subscription exists, and whether it is enabled; empty when it does not exist. */
  Optional<Boolean> enabled(long id) {
    return new SqlBuilder()
        .append("select enabled as enabled from webhook_subscriptions where id = :id", "id", id)
        .first(entityManager)
        .map(row -> row.bool("enabled"));
  }

  // Deliveries

  /**
   * A re-enabled subscription's pending deliveries are due now, not at their backed-off time; those
   * a sender holds (the lease of a claim in flight) stay as they are.
   */
  int makePendingDue(long subscriptionId) {
    return new SqlBuilder()
        .append("update webhook_deliveries set next_attempt_at = now()")
        .append(" where subscription_id = :id and state = 'pending'", "id", subscriptionId)
        .append(" and next_attempt_at > now() and " + DeliveryQueries.NOT_LEASED)
        .execute(entityManager);
  }

  /**
   * Sends one event's delivery to this subscription again, with a fresh retry schedule, unless it
   * is pending already (on its way). How many were made due; empty when this subscription has no
   * delivery of that event.
   */
  Optional<Integer> redeliverEvent(long subscriptionId, String messageId) {
    Row row =
        new SqlBuilder()
            .append("with delivery as (select d.id as id, d.state as state")
            .append(" from webhook_deliveries d join webhook_events e on e.id = d.event_id")
            .append(" where d.subscription_id = :id and e.message_id = :message),")
            .append(" redelivered as (update webhook_deliveries d set " + AGAIN)
            .append(" from delivery where d.id = delivery.id and delivery.state <> 'pending'")
            .append(" returning d.id)")
            .append(" select (select count(*) from delivery) as found,")
            .append(" (select count(*) from redelivered) as redelivered")
            .bind("id", subscriptionId)
            .bind("message", messageId)
            .single(entityManager);
    return row.getLong("found") == 0
        ? Optional.empty()
        : Optional.of((int) row.getLong("redelivered"));
  }

  /**
   * The deliveries of the subscription that failed at or after {@code since} (abandoned after their
   * last attempt, or failed untried when the server disabled the subscription), sent again.
   */
  int redeliverFailedSince(long subscriptionId, Instant since) {
    return new SqlBuilder()
        .append("update webhook_deliveries set " + AGAIN)
        .append(" where subscription_id = :id and state = 'failed'", "id", subscriptionId)
        .append(" and failed_at >= cast(:since as timestamptz)", "since", since)
        .execute(entityManager);
  }

  /** A delivery sent again: pending, due now, with a fresh retry schedule. */
  private static final String AGAIN =
      "state = 'pending', next_attempt_at = now(), attempts = 0, delivered_at = null,"
          + " failed_at = null";

  /** How many attempts the log shows, and whether the subscription exists: one statement. */
  Row attemptTotals(long subscriptionId, Optional<String> messageId) {
    SqlBuilder sql =
        new SqlBuilder()
            .append("select exists (select 1 from webhook_subscriptions where id = :id) as found,")
            .append(" (select count(*) from webhook_attempts a where a.subscription_id = :id")
            .bind("id", subscriptionId);
    messageId.ifPresent(m -> sql.append(EVENT_FILTER, "message", m));
    return sql.append(") as total").single(entityManager);
  }

  private static final String EVENT_FILTER =
      " and a.event_id = (select e.id from webhook_events e where e.message_id = :message)";

  /** The subscription's attempts, newest first, before the attempt {@code beforeId}. */
  List<Row> attempts(
      long subscriptionId,
      Optional<String> messageId,
      Optional<Long> beforeId,
      int offset,
      int limit) {
    SqlBuilder sql =
        new SqlBuilder()
            .append("select a.id as id, e.message_id as message_id, e.type as type,")
            .append(" a.attempted_at as attempted_at, a.status as status,")
            .append(" a.duration_ms as duration_ms, a.error as error,")
            .append(" a.response_excerpt as response_excerpt,")
            .append(" (select count(*) from webhook_attempts x where x.delivery_id = a.delivery_id")
            .append(" and x.id <= a.id) as attempt, d.state as state,")
            .append(" d.next_attempt_at as next_attempt_at")
            .append(" from webhook_attempts a join webhook_events e on e.id = a.event_id")
            .append(" join webhook_deliveries d on d.id = a.delivery_id")
            .append(" where a.subscription_id = :id", "id", subscriptionId);
    messageId.ifPresent(m -> sql.append(EVENT_FILTER, "message", m));
    beforeId.ifPresent(before -> sql.append(" and a.id < :before", "before", before));
    return sql.append(" order by a.id desc limit :limit", "limit", limit)
        .append(" offset :offset", "offset", offset)
        .rows(entityManager);
  }

  static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
