package io.pressroom.feed;

import io.pressroom.article.ArticleSummary;
import io.pressroom.article.KeptSummaries;
import io.pressroom.article.PublicArticles;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All the SQL of feeds, read by column alias: one statement per feed whatever its length (the
 * newest entries with their kept summaries and bodies; a tag's feed finds its tag in the same
 * statement).
 */
@ApplicationScoped
class FeedQueries {

  /** The longest a feed gets: its newest entries. */
  static final int MAX_ENTRIES = 50;

  /**
   * An entry's columns, of the article {@code a}: its kept summary ({@link KeptSummaries}, joined
   * by {@link #ENTRY_JOIN}) holds the title, summary, author, tags and instants, so a feed reads
   * one kept row per entry instead of its author's row and a look-up of each of its tags (which
   * took about a third of the statement).
   */
  private static final String ENTRY_COLUMNS =
      "a.id as id, " + KeptSummaries.column("a.id") + " as listing_json, a.body_html as body_html";

  private static final String ENTRY_JOIN = KeptSummaries.join("a.id");

  private final EntityManager entityManager;

  FeedQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** What a feed is about: a tag, an author, or nothing in particular (everything). */
  record Subject(long id, String name, Instant createdAt) {}

  /** One published article as a feed shows it. */
  record Entry(
      long id,
      String slug,
      String title,
      String summary,
      String html,
      Instant publishedAt,
      Instant updatedAt,
      String authorHandle,
      String authorName,
      List<TagRef> tags) {}

  /**
   * When the installation began, as far as its data tells: the oldest account. The everything feed
   * dates itself with this while it has no entries, so that an empty feed keeps one validator.
   */
  Instant firstActivity() {
    Row row =
        new SqlBuilder()
            .append("select min(created_at) as first_activity from accounts")
            .single(entityManager);
    return row.isNull("first_activity") ? Instant.EPOCH : row.instant("first_activity");
  }

  /** The newest public articles, newest first; scoped to an author (by handle) when given. */
  List<Entry> entries(Optional<String> authorHandle) {
    SqlBuilder sql =
        new SqlBuilder()
            .append("select " + ENTRY_COLUMNS + " from articles a" + ENTRY_JOIN)
            .append(" where " + PublicArticles.condition("a"));
    // The author by handle inside the statement: with a bound id, PostgreSQL never chose the cached
    // generic plan (pg_prepared_statements: 0 generic of 8) and planned each feed afresh.
    authorHandle.ifPresent(
        handle ->
            sql.append(
                " and a.author_id = (select w.id from accounts w where w.handle = :authorHandle)",
                "authorHandle",
                handle));
    // The limit is written into the statement, not bound, so that PostgreSQL keeps one plan for it
    // instead of planning each feed afresh (see ArticleQueries.pageBounds).
    sql.append(" order by a.published_at desc, a.id desc limit " + MAX_ENTRIES);
    return sql.read(entityManager, "listing_json").stream().map(FeedQueries::entry).toList();
  }

  /** A tag's feed: the tag and its newest public entries. */
  record TagFeed(Subject tag, List<Entry> entries) {}

  /**
   * The tag of {@code slug} and its newest public entries, newest first, in one statement: the
   * entries walk the tag's range of article_tags_public_idx beside the tag's row (a tag without
   * public articles is one row of the tag with no entry), its id taken from that row, so one plan
   * serves every tag (with its id bound, PostgreSQL planned each feed afresh). Empty when no tag
   * has the slug.
   */
  Optional<TagFeed> tagFeed(String slug) {
    List<Row> rows =
        new SqlBuilder()
            .append(
                "select t.id as tag_id, t.name as tag_name, t.created_at as tag_created_at, e.*"
                    + " from tags t left join lateral (select "
                    + ENTRY_COLUMNS
                    + ", at.published_at as order_key, at.article_id as order_id"
                    + " from article_tags at join articles a on a.id = at.article_id"
                    + ENTRY_JOIN
                    + " where at.tag_id = t.id and at.public and at.published_at <= now() and "
                    + PublicArticles.condition("a")
                    + " order by at.published_at desc, at.article_id desc limit "
                    + MAX_ENTRIES
                    + ") e on true where t.slug = :slug"
                    + " order by e.order_key desc, e.order_id desc",
                "slug",
                slug)
            .read(entityManager, "listing_json");
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row first = rows.get(0);
    Subject tag =
        new Subject(
            first.getLong("tag_id"), first.text("tag_name"), first.instant("tag_created_at"));
    List<Entry> entries =
        rows.stream().filter(row -> !row.isNull("id")).map(FeedQueries::entry).toList();
    return Optional.of(new TagFeed(tag, entries));
  }

  private static Entry entry(Row row) {
    ArticleSummary kept = KeptSummaries.read(row.bytes("listing_json"));
    return new Entry(
        row.getLong("id"),
        kept.slug(),
        kept.title(),
        kept.summary(),
        row.text("body_html"),
        kept.publishedAt(),
        kept.updatedAt(),
        kept.author().handle(),
        kept.author().name(),
        kept.tags());
  }
}
