package io.pressroom.feed;

import io.pressroom.article.ArticleSummary;
import io.pressroom.article.KeptSummaries;
import io.pressroom.article.PublicArticles;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagRef;
import io.pressroom.tag.TagVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All the SQL of feeds, read by column alias: one statement per feed whatever its length (the
 * newest entries with their kept summaries; a tag's feed finds its tag in the same statement), and
 * one more for the bodies of the entries this instance does not keep yet.
 */
@ApplicationScoped
class FeedQueries {

  /** The longest a feed gets: its newest entries. */
  static final int MAX_ENTRIES = 50;

  /**
   * An entry's columns, of the article {@code a}: its kept summary ({@link KeptSummaries}, joined
   * by {@link #ENTRY_JOIN}) holds the title, summary, author, tags and instants, so a feed reads
   * one kept row per entry instead of its author's row and a look-up of each of its tags (which
   * took about a third of the statement). The body is not read here: with the version, the kept
   * summary tells whether the entry this instance keeps ({@link KeptEntries}) is still the
   * article's, and only the bodies of those that are not are read ({@link #bodies}).
   */
  private static final String ENTRY_COLUMNS =
      "a.id as id, a.version as version, " + KeptSummaries.column("a.id") + " as listing_json";

  private static final String ENTRY_JOIN = KeptSummaries.join("a.id");

  private final EntityManager entityManager;

  FeedQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** What a feed is about: a tag, an author, or nothing in particular (everything). */
  record Subject(long id, String name, Instant createdAt) {}

  /**
   * One of a feed's articles as its statement lists it: what says whether a kept entry is still its
   * own ({@code version}, which every edit of the body raises, and the kept summary, which changes
   * with the author's name and the tags' names too).
   */
  record Listed(long id, long version, byte[] listingJson) {}

  /** An article's body as written for feeds, at its version. */
  record Body(long version, String html) {}

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
  List<Listed> entries(Optional<String> authorHandle) {
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
    // instead of planning each feed afresh (see ListingFilters.pageBounds).
    sql.append(" order by a.published_at desc, a.id desc limit " + MAX_ENTRIES);
    return sql.read(entityManager, "listing_json").stream().map(FeedQueries::listed).toList();
  }

  /** A tag's feed: the tag and its newest public entries. */
  record TagFeed(Subject tag, List<Listed> entries) {}

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
                    + " where at.tag_id = t.id and "
                    + PublicArticles.copiedCondition("at.public", "at.published_at")
                    + " and "
                    + PublicArticles.condition("a")
                    + " order by at.published_at desc, at.article_id desc limit "
                    + MAX_ENTRIES
                    + ") e on true where t.slug = :slug and "
                    + TagVisibility.condition("t")
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
    List<Listed> entries =
        rows.stream().filter(row -> !row.isNull("id")).map(FeedQueries::listed).toList();
    return Optional.of(new TagFeed(tag, entries));
  }

  /**
   * The bodies of these articles, by id, at their versions now: the statement that listed them
   * already said they are public, and an entry is kept only when both versions agree.
   */
  Map<Long, Body> bodies(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, Body> bodies = new HashMap<>();
    new SqlBuilder()
        .append("select a.id as id, a.version as version, a.body_html as body_html")
        .append(" from articles a where a.id in (:ids)", "ids", ids)
        .read(entityManager)
        .forEach(
            row ->
                bodies.put(
                    row.getLong("id"), new Body(row.getLong("version"), row.text("body_html"))));
    return bodies;
  }

  private static Listed listed(Row row) {
    return new Listed(row.getLong("id"), row.getLong("version"), row.bytes("listing_json"));
  }

  /** The entry of {@code listed}, with its body. */
  static Entry entry(Listed listed, String html) {
    ArticleSummary kept = KeptSummaries.read(listed.listingJson());
    return new Entry(
        listed.id(),
        kept.slug(),
        kept.title(),
        kept.summary(),
        html,
        kept.publishedAt(),
        kept.updatedAt(),
        kept.author().handle(),
        kept.author().name(),
        kept.tags());
  }
}
