package io.pressroom.feed;

import io.pressroom.article.PublicArticles;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagRef;
import io.pressroom.tag.TagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All the SQL of feeds, read by column alias: at most two statements per feed whatever its length
 * (the tag or author, then the newest entries with their authors and tags).
 */
@ApplicationScoped
class FeedQueries {

  /** The longest a feed gets: its newest entries. */
  static final int MAX_ENTRIES = 50;

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

  Optional<Subject> tag(String slug) {
    return subject(
        new SqlBuilder()
            .append("select t.id as id, t.name as name, t.created_at as created_at from tags t")
            .append(" where t.slug = :slug", "slug", slug));
  }

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

  /**
   * The newest public articles, newest first; scoped to a tag (by slug) or an author (by handle)
   * when given.
   */
  List<Entry> entries(Optional<String> tagSlug, Optional<String> authorHandle) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "select a.id as id, a.slug as slug, a.title as title, a.summary as summary,"
                    + " a.body_html as body_html, a.published_at as published_at,"
                    + " a.updated_at as updated_at, u.handle as author_handle,"
                    + " u.name as author_name, "
                    + TagService.REFS_COLUMN
                    + " as tags from ");
    // A tag's feed walks that tag's range of article_tags_public_idx, newest first. The tag is
    // found by its slug inside the statement, as listings do: with its id bound, PostgreSQL never
    // chose the cached generic plan (pg_prepared_statements: 0 generic of 8) and planned each feed
    // afresh; behind the sub-select one plan serves every tag.
    if (tagSlug.isPresent()) {
      sql.append(
          "article_tags at join articles a on a.id = at.article_id"
              + " join accounts u on u.id = a.author_id"
              + " where at.tag_id = (select t.id from tags t where t.slug = :tagSlug)"
              + " and at.public and at.published_at <= now() and ",
          "tagSlug",
          tagSlug.get());
    } else {
      sql.append("articles a join accounts u on u.id = a.author_id where ");
    }
    sql.append(PublicArticles.condition("a"));
    // The author by handle inside the statement, like the tag: a bound id gets a plan per feed.
    authorHandle.ifPresent(
        handle ->
            sql.append(
                " and a.author_id = (select w.id from accounts w where w.handle = :authorHandle)",
                "authorHandle",
                handle));
    // The limit is written into the statement, not bound, so that PostgreSQL keeps one plan for it
    // instead of planning each feed afresh (see ArticleQueries.pageBounds).
    sql.append(
        tagSlug.isPresent()
            ? " order by at.published_at desc, at.article_id desc limit " + MAX_ENTRIES
            : " order by a.published_at desc, a.id desc limit " + MAX_ENTRIES);
    return sql.read(entityManager).stream()
        .map(
            row ->
                new Entry(
                    row.getLong("id"),
                    row.text("slug"),
                    row.text("title"),
                    row.text("summary"),
                    row.text("body_html"),
                    row.instant("published_at"),
                    row.instant("updated_at"),
                    row.text("author_handle"),
                    row.text("author_name"),
                    TagService.refs(row.text("tags"))))
        .toList();
  }

  private Optional<Subject> subject(SqlBuilder sql) {
    return sql.read(entityManager).stream()
        .findFirst()
        .map(row -> new Subject(row.getLong("id"), row.text("name"), row.instant("created_at")));
  }
}
