package io.pressroom.comment;

import io.pressroom.article.ArticleGateway;
import io.pressroom.article.PublicArticles;
import io.pressroom.author.AuthorRef;
import io.pressroom.db.Row;
import io.pressroom.db.Rows;
import io.pressroom.db.SqlBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All the SQL of comments, reads and writes, read by column alias. A list costs a fixed number of
 * statements whatever the page size: one for the article and the count, one for the page with its
 * authors.
 */
@ApplicationScoped
class CommentQueries {

  /** What a comment row shows, followed by what deciding about it needs. */
  private static final String COLUMNS =
      "c.id as id, c.parent_id as parent_id, c.body as body, c.body_html as body_html,"
          + " c.created_at as created_at, c.edited_at as edited_at,"
          + " c.deleted_at is not null as deleted, u.handle as handle, u.name as name,"
          + " u.avatar_url as avatar_url";

  private final EntityManager entityManager;

  CommentQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A comment of a page with the text of its creation time for the next cursor. */
  record PageRow(CommentView view, String createdAtKey) {}

  /** A position in an article's comments: the creation time (as text) and id of the last one. */
  record Position(String createdAt, long id) {}

  /** A deleted comment's place in its thread, read under a row lock. */
  record Placeholder(Long parentId, boolean listed) {}

  /** Listed comments of an article, oldest first, after the position {@code after}, if given. */
  List<PageRow> page(long articleId, Optional<Position> after, int limit, int offset) {
    String sql =
        "select "
            + COLUMNS
            + ", cast(c.created_at as text) as created_at_key from comments c join accounts u on"
            + " u.id = c.author_id where c.article_id = :article and c.listed"
            + (after.isPresent()
                ? " and (c.created_at, c.id) > (cast(:afterAt as timestamptz), :afterId)"
                : "")
            + " order by c.created_at, c.id limit :limit offset :offset";
    Query query =
        rowQuery(sql)
            .setParameter("article", articleId)
            .setParameter("limit", limit)
            .setParameter("offset", offset);
    after.ifPresent(
        position ->
            query
                .setParameter("afterAt", position.createdAt())
                .setParameter("afterId", position.id()));
    return Row.list(query).stream()
        .map(row -> new PageRow(view(row), row.text("created_at_key")))
        .toList();
  }

  /** The comment with this id whatever its state; {@code lock} locks its row for a change. */
  Optional<Comment> byId(long id, boolean lock) {
    Query query =
        rowQuery(
                "select "
                    + COLUMNS
                    + ", c.listed as listed, c.author_id as author_id, c.article_id as article_id,"
                    + " a.slug as article_slug, a.deleted_at is not null as article_deleted, ("
                    + PublicArticles.condition("a")
                    + ") as article_public from comments c join accounts u on u.id = c.author_id"
                    + " join articles a on a.id = c.article_id where c.id = :id"
                    + (lock ? " for update of c" : ""))
            .setParameter("id", id);
    return Row.first(query)
        .map(
            row ->
                new Comment(
                    view(row),
                    row.bool("listed"),
                    row.getLong("author_id"),
                    row.getLong("article_id"),
                    row.text("article_slug"),
                    row.bool("article_deleted"),
                    row.bool("article_public")));
  }

  /**
   * The comment a reply goes under, locked in share mode: it cannot be deleted (and perhaps
   * unlisted) while the reply is being written.
   */
  Optional<ReplyParent> replyParent(long id) {
    Query query =
        rowQuery(
                "select article_id as article_id, deleted_at is not null as deleted, depth as depth"
                    + " from comments where id = :id for share")
            .setParameter("id", id);
    return Row.first(query)
        .map(
            row ->
                new ReplyParent(
                    row.getLong("article_id"), row.bool("deleted"), row.getInt("depth")));
  }

  /** Whether some comment shows this account's byline: one it wrote and did not delete. */
  boolean showsBylineOf(long accountId) {
    return !entityManager
        .createNativeQuery(
            "select 1 from comments where author_id = :author and deleted_at is null limit 1")
        .setParameter("author", accountId)
        .getResultList()
        .isEmpty();
  }

  /** Inserts a comment; returns its id. */
  long insert(
      long articleId,
      Long parentId,
      long authorId,
      String body,
      String html,
      Instant at,
      int depth) {
    return Rows.asLong(
        entityManager
            .createNativeQuery(
                "insert into comments (article_id, parent_id, author_id, body, body_html,"
                    + " created_at, depth) values (:article, :parent, :author, :body, :html, :at,"
                    + " :depth) returning id")
            .setParameter("article", articleId)
            .setParameter("parent", parentId)
            .setParameter("author", authorId)
            .setParameter("body", body)
            .setParameter("html", html)
            .setParameter("at", at)
            .setParameter("depth", depth)
            .getSingleResult());
  }

  /**
   * Inserts a comment on the article found as {@code target t} (not a reply), when readers may see
   * the article; with the columns {@link #newComment} reads (see {@link
   * ArticleGateway.CountedWrite}).
   */
  ArticleGateway.CountedWrite insertOnArticle(long authorId, String body, String html, Instant at) {
    return new ArticleGateway.CountedWrite(
        new SqlBuilder()
            .append(
                "insert into comments (article_id, parent_id, author_id, body, body_html,"
                    + " created_at, depth) select t.id, null, :author, :body, :html, :at, 0"
                    + " from target t where t.visible returning article_id, id, created_at",
                "author",
                authorId)
            .bind("body", body)
            .bind("html", html)
            .bind("at", at),
        "w.id as comment_id, w.created_at as comment_created_at, u.handle as handle,"
            + " u.name as name, u.avatar_url as avatar_url",
        new SqlBuilder().append(" left join accounts u on u.id = :author"),
        0,
        1);
  }

  /** The comment {@link #insertOnArticle} wrote, as readers see it. */
  static CommentView newComment(Row row, String body, String html) {
    return new CommentView(
        row.getLong("comment_id"),
        null,
        body,
        html,
        new AuthorRef(row.text("handle"), row.text("name"), row.text("avatar_url")),
        row.instant("comment_created_at"),
        null,
        false);
  }

  /** Replaces a comment's text. */
  void edit(long id, String body, String html, Instant at) {
    entityManager
        .createNativeQuery(
            "update comments set body = :body, body_html = :html, edited_at = :now where id = :id")
        .setParameter("body", body)
        .setParameter("html", html)
        .setParameter("now", at)
        .setParameter("id", id)
        .executeUpdate();
  }

  /**
   * Erases a comment's text and marks it deleted; it stays listed (as a placeholder) only while it
   * has listed replies. Returns whether it stays listed, decided in the same statement so that a
   * reply written meanwhile cannot be missed.
   */
  boolean markDeleted(long id, Instant at) {
    return Rows.asBoolean(
        entityManager
            .createNativeQuery(
                "update comments set deleted_at = :now, body = null, body_html = null,"
                    + " edited_at = null, listed = exists (select 1 from comments r where"
                    + " r.parent_id = :id and r.listed) where id = :id returning listed")
            .setParameter("now", at)
            .setParameter("id", id)
            .getSingleResult());
  }

  /** Whether comment {@code id} is a listed placeholder, and its parent; locks its row. */
  Optional<Placeholder> lockPlaceholder(long id) {
    Query query =
        rowQuery(
                "select parent_id as parent_id, deleted_at is not null and listed as listed"
                    + " from comments where id = :id for update")
            .setParameter("id", id);
    return Row.first(query)
        .map(row -> new Placeholder(row.nullableLong("parent_id"), row.bool("listed")));
  }

  /** Unlists comment {@code id} unless it has listed replies; returns whether it did. */
  boolean unlistIfNoListedReplies(long id) {
    return entityManager
            .createNativeQuery(
                "update comments set listed = false where id = :id and not exists (select 1 from"
                    + " comments r where r.parent_id = :id and r.listed)")
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  private Query rowQuery(String sql) {
    return entityManager.createNativeQuery(sql, Tuple.class);
  }

  private static CommentView view(Row row) {
    boolean deleted = row.bool("deleted");
    return new CommentView(
        row.getLong("id"),
        row.nullableLong("parent_id"),
        deleted ? null : row.text("body"),
        deleted ? null : row.text("body_html"),
        deleted
            ? null
            : new AuthorRef(row.text("handle"), row.text("name"), row.text("avatar_url")),
        row.instant("created_at"),
        deleted ? null : row.instant("edited_at"),
        deleted);
  }
}
