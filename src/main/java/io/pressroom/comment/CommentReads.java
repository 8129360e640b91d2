package io.pressroom.comment;

import static io.pressroom.web.Rows.asBoolean;
import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.instant;
import static io.pressroom.web.Rows.text;

import io.pressroom.article.PublicArticles;
import io.pressroom.author.AuthorRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of comments: plain SQL, a fixed number of statements per request whatever the page
 * size (one for the article and the count, one for the page with its authors).
 */
@ApplicationScoped
class CommentReads {

  /** What a comment row shows, followed by what deciding about it needs. */
  private static final String COLUMNS =
      "c.id, c.parent_id, c.body, c.body_html, c.created_at, c.edited_at,"
          + " c.deleted_at is not null, u.handle, u.name, u.avatar_url";

  private final EntityManager entityManager;

  CommentReads(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A comment with what deciding about it needs: its article, author and state. */
  record StoredComment(
      CommentView view,
      boolean listed,
      long authorId,
      long articleId,
      String articleSlug,
      boolean articleDeleted,
      boolean articlePublic) {

    boolean deleted() {
      return view.deleted();
    }
  }

  /** A comment of a page with the text of its creation time for the next cursor. */
  record Row(CommentView view, String createdAtKey) {}

  /** Listed comments of an article, oldest first, after the position {@code after}, if given. */
  List<Row> page(long articleId, Optional<Position> after, int limit, int offset) {
    String sql =
        "select "
            + COLUMNS
            + ", cast(c.created_at as text) from comments c join accounts u on u.id ="
            + " c.author_id where c.article_id = :article and c.listed"
            + (after.isPresent()
                ? " and (c.created_at, c.id) > (cast(:afterAt as timestamptz), :afterId)"
                : "")
            + " order by c.created_at, c.id limit :limit offset :offset";
    var query =
        entityManager
            .createNativeQuery(sql)
            .setParameter("article", articleId)
            .setParameter("limit", limit)
            .setParameter("offset", offset);
    after.ifPresent(
        position ->
            query
                .setParameter("afterAt", position.createdAt())
                .setParameter("afterId", position.id()));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<Row> page = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      page.add(new Row(view(row), text(row[10])));
    }
    return page;
  }

  /** A position in an article's comments: the creation time (as text) and id of the last one. */
  record Position(String createdAt, long id) {}

  /** The comment with this id whatever its state; {@code lock} locks its row for a change. */
  Optional<StoredComment> byId(long id, boolean lock) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + COLUMNS
                    + ", c.listed, c.author_id, c.article_id, a.slug, a.deleted_at is not null, ("
                    + PublicArticles.condition("a")
                    + ") from comments c join accounts u on u.id = c.author_id"
                    + " join articles a on a.id = c.article_id where c.id = :id"
                    + (lock ? " for update of c" : ""))
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    return Optional.of(
        new StoredComment(
            view(row),
            asBoolean(row[10]),
            asLong(row[11]),
            asLong(row[12]),
            text(row[13]),
            asBoolean(row[14]),
            asBoolean(row[15])));
  }

  private static CommentView view(Object[] row) {
    boolean deleted = asBoolean(row[6]);
    return new CommentView(
        asLong(row[0]),
        row[1] == null ? null : asLong(row[1]),
        deleted ? null : text(row[2]),
        deleted ? null : text(row[3]),
        deleted ? null : new AuthorRef(text(row[7]), text(row[8]), text(row[9])),
        instant(row[4]),
        deleted ? null : instant(row[5]),
        deleted);
  }
}
