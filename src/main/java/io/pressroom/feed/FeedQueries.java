package io.pressroom.feed;

import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.instant;
import static io.pressroom.web.Rows.text;

import io.pressroom.tag.TagRef;
import io.pressroom.tag.TagService;
import io.pressroom.web.PublicArticles;
import io.pressroom.web.ResponseDependencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of feeds: at most two statements per feed whatever its length (the tag or author, then
 * the newest entries with their authors and tags).
 */
@ApplicationScoped
class FeedReads {

  /** The longest a feed gets: its newest entries. */
  static final int MAX_ENTRIES = 50;

  /** Who has a public author profile; the same rule as {@code AuthorService}. */
  private static final String IS_AUTHOR =
      "not u.disabled and (u.role in ('author', 'editor') or exists (select 1 from articles a"
          + " where a.author_id = u.id and "
          + PublicArticles.condition("a")
          + "))";

  private final EntityManager entityManager;

  FeedReads(EntityManager entityManager) {
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
        entityManager
            .createNativeQuery("select t.id, t.name, t.created_at from tags t where t.slug = :slug")
            .setParameter("slug", slug));
  }

  Optional<Subject> author(String handle) {
    return subject(
        entityManager
            .createNativeQuery(
                "select u.id, u.name, u.created_at from accounts u where u.handle = :handle and "
                    + IS_AUTHOR)
            .setParameter("handle", handle));
  }

  /**
   * When the installation began, as far as its data tells: the oldest account. The everything feed
   * dates itself with this while it has no entries, so that an empty feed keeps one validator.
   */
  Instant firstActivity() {
    Object value =
        entityManager.createNativeQuery("select min(created_at) from accounts").getSingleResult();
    return value == null ? Instant.EPOCH : instant(value);
  }

  /** The newest public articles, newest first; scoped to a tag or an author when given. */
  List<Entry> entries(Optional<Long> tagId, Optional<Long> authorId) {
    StringBuilder sql =
        new StringBuilder(
            "select a.id, a.slug, a.title, a.summary, a.body_html, a.published_at, a.updated_at,"
                + " u.handle, u.name, "
                + TagService.REFS_COLUMN
                + " from ");
    // A tag's feed walks that tag's range of article_tags_public_idx, newest first.
    sql.append(
        tagId.isPresent()
            ? "article_tags at join articles a on a.id = at.article_id"
                + " join accounts u on u.id = a.author_id where at.tag_id = :tagId"
                + " and at.public and at.published_at <= now() and "
            : "articles a join accounts u on u.id = a.author_id where ");
    sql.append(PublicArticles.condition("a"));
    authorId.ifPresent(id -> sql.append(" and a.author_id = :authorId"));
    sql.append(
        tagId.isPresent()
            ? " order by at.published_at desc, at.article_id desc limit :limit"
            : " order by a.published_at desc, a.id desc limit :limit");
    Query query =
        entityManager.createNativeQuery(sql.toString()).setParameter("limit", MAX_ENTRIES);
    tagId.ifPresent(id -> query.setParameter("tagId", id));
    authorId.ifPresent(id -> query.setParameter("authorId", id));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<Entry> entries = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      long id = asLong(row[0]);
      entries.add(
          new Entry(
              id,
              text(row[1]),
              text(row[2]),
              text(row[3]),
              text(row[4]),
              instant(row[5]),
              instant(row[6]),
              text(row[7]),
              text(row[8]),
              TagService.refs(row[9])));
    }
    ResponseDependencies.articles(entries.stream().map(Entry::id).toList());
    return entries;
  }

  private static Optional<Subject> subject(Query query) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    return Optional.of(new Subject(asLong(row[0]), text(row[1]), instant(row[2])));
  }
}
