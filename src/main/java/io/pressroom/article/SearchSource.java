package io.pressroom.article;

import io.pressroom.db.BackgroundSql;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search index reads of articles: the searchable text and filter keys of public articles,
 * and the ids of the filters a search names. The index decides nothing about visibility; it only
 * keeps what {@link PublicArticles} says is public when it reads.
 */
@ApplicationScoped
public class SearchSource {

  private static final String DOCUMENT_COLUMNS =
      "a.id as id, a.slug as slug, a.title as title, a.summary as summary, a.body as body,"
          + " a.published_at as published_at, a.updated_at as updated_at, a.author_id as author_id,"
          + " (select string_agg(cast(x.tag_id as text), ',') from article_tags x"
          + " where x.article_id = a.id) as tag_ids";

  private final EntityManager entityManager;

  SearchSource(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A public article as a search index keeps it. */
  public record Document(
      long id,
      String slug,
      String title,
      String summary,
      String body,
      Instant publishedAt,
      Instant updatedAt,
      long authorId,
      List<Long> tagIds) {}

  /** Those of these articles that are public now; the others are to leave the index. */
  public List<Document> publicDocuments(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return BackgroundSql.rows(
            entityManager,
            "select "
                + DOCUMENT_COLUMNS
                + " from articles a where a.id = any(?) and "
                + PublicArticles.condition("a"),
            ids.stream().mapToLong(Long::longValue).toArray())
        .stream()
        .map(SearchSource::document)
        .toList();
  }

  /** Public articles after {@code afterId} in id order, for building an index from scratch. */
  public List<Document> publicDocumentsAfter(long afterId, int limit) {
    return BackgroundSql.rows(
            entityManager,
            "select "
                + DOCUMENT_COLUMNS
                + " from articles a where a.id > ? and "
                + PublicArticles.condition("a")
                + " order by a.id limit ?",
            afterId,
            limit)
        .stream()
        .map(SearchSource::document)
        .toList();
  }

  /**
   * The public articles whose scheduled instant came in {@code (since, until]}: they became public
   * by the clock alone, which no write records at that instant.
   */
  public List<Long> becamePublic(Instant since, Instant until) {
    return BackgroundSql.rows(
            entityManager,
            "select a.id as id from articles a where a.published_at > ? and a.published_at <= ?"
                + " and "
                + PublicArticles.condition("a"),
            OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
            OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
        .stream()
        .map(row -> row.getLong("id"))
        .toList();
  }

  /**
   * How many articles are public now: an index that resumed from its position in the changes feed
   * must hold as many, or articles reached the database without passing the feed (a restore, a bulk
   * load) and the index is built again.
   */
  public long publicCount() {
    return BackgroundSql.rows(
            entityManager,
            "select count(*) as total from articles a where " + PublicArticles.condition("a"))
        .get(0)
        .getLong("total");
  }

  /** The database's clock, which decides what is public. */
  public Instant now() {
    return BackgroundSql.rows(entityManager, "select now() as now").get(0).exactInstant("now");
  }

  /** The database's clock and the next instant at which a scheduled article becomes public. */
  public record Clock(Instant now, Optional<Instant> nextPublication) {}

  /** {@link #now()} with the next scheduled publication, in one statement. */
  public Clock clock() {
    Row row =
        BackgroundSql.rows(
                entityManager,
                "select now() as now, (select min(a.published_at) from articles a where "
                    + PublicArticles.scheduledCondition("a")
                    + ") as next")
            .get(0);
    return new Clock(
        row.exactInstant("now"),
        row.isNull("next") ? Optional.empty() : Optional.of(row.exactInstant("next")));
  }

  /** The ids of the filters' tags and author, in one statement; absent names are absent. */
  public record FilterIds(Map<String, Long> tags, Optional<Long> author) {}

  public FilterIds filterIds(List<String> tagSlugs, Optional<String> authorHandle) {
    SqlBuilder sql = new SqlBuilder().append("select ");
    sql.append(
        tagSlugs.isEmpty()
            ? "cast(null as text) as tags"
            : "(select string_agg(t.slug || ':' || t.id, ',') from tags t where t.slug in"
                + " (:tags) and "
                + TagVisibility.condition("t")
                + ") as tags");
    if (!tagSlugs.isEmpty()) {
      sql.bind("tags", tagSlugs);
    }
    sql.append(
        authorHandle.isPresent()
            ? ", (select u.id from accounts u where u.handle = :author) as author"
            : ", cast(null as bigint) as author");
    authorHandle.ifPresent(handle -> sql.bind("author", handle));
    Row row = sql.single(entityManager);
    Map<String, Long> tags = new HashMap<>();
    String pairs = row.text("tags");
    if (pairs != null) {
      for (String pair : pairs.split(",")) {
        int colon = pair.lastIndexOf(':');
        tags.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
      }
    }
    return new FilterIds(tags, Optional.ofNullable(row.nullableLong("author")));
  }

  private static Document document(Row row) {
    String tags = row.text("tag_ids");
    return new Document(
        row.getLong("id"),
        row.text("slug"),
        row.text("title"),
        row.text("summary"),
        row.text("body"),
        row.exactInstant("published_at"),
        row.exactInstant("updated_at"),
        row.getLong("author_id"),
        tags == null ? List.of() : Arrays.stream(tags.split(",")).map(Long::valueOf).toList());
  }
}
