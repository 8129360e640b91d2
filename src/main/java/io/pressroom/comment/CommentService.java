package io.pressroom.comment;

import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleRef;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.MarkdownRenderer;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Comments on public articles: reading threads, posting, editing and deleting.
 *
 * <p>{@code articles.comment_count} counts the comments that are not deleted. It changes only by
 * SQL increments in the same transaction as the insert or the deletion, so it stays exact however
 * many people comment at once. Row locks are always taken from a comment up towards the root of its
 * thread and only then on the article, so that concurrent writers cannot deadlock.
 */
@ApplicationScoped
public class CommentService {

  static final int MAX_BODY_LENGTH = 10_000;

  /**
   * Threads are at most this many levels deep: a comment on the article is level 1, and a reply to
   * a comment at the deepest level is refused (400 on parentId).
   */
  public static final int MAX_THREAD_LEVELS = 10;

  private static final String CURSOR_SORT = "comments";

  private final CommentReads reads;
  private final CursorCodec cursors;
  private final MarkdownRenderer markdown;
  private final EntityManager entityManager;
  private final Event<ArticleChanged> changes;
  private final ArticleGateway articles;

  CommentService(
      ArticleGateway articles,
      CommentReads reads,
      CursorCodec cursors,
      MarkdownRenderer markdown,
      EntityManager entityManager,
      Event<ArticleChanged> changes) {
    this.articles = articles;
    this.reads = reads;
    this.cursors = cursors;
    this.markdown = markdown;
    this.entityManager = entityManager;
    this.changes = changes;
  }

  /** The listed comments of a public article, oldest first. */
  public CommentPage list(String slug, PageRequest pageRequest) {
    Optional<CommentReads.Position> after = pageRequest.cursor().map(this::position);
    ArticleGateway.Found found = publicArticle(slug);
    long listed = found.row().getLong("listed");
    if (listed == 0) {
      return new CommentPage(List.of(), new PageInfo(pageRequest.limit(), 0, null));
    }
    List<CommentReads.Row> rows =
        reads.page(found.article().id(), after, pageRequest.fetchSize(), pageRequest.offset());
    PageCut<CommentReads.Row> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            CURSOR_SORT,
            last -> List.of(last.createdAtKey(), Long.toString(last.view().id())));
    return new CommentPage(
        cut.shown().stream().map(CommentReads.Row::view).toList(), cut.info(pageRequest, listed));
  }

  /** One comment of a public article; a placeholder if deleted with replies, else 410. */
  public CommentView get(long id) {
    CommentReads.StoredComment comment = find(id, false);
    if (!comment.listed()) {
      throw ProblemException.gone("The comment " + id + " has been deleted.");
    }
    return comment.view();
  }

  /** Posts a comment by the caller on a public article, as a reply if {@code parentId} is set. */
  @Transactional
  public CommentView create(CurrentUser.Caller caller, String slug, NewComment request) {
    ArticleRef article = articles.requireVisible(slug, ArticleGateway.Lock.NONE);
    long id =
        insert(
            article.id(),
            caller.accountId(),
            request.parentId(),
            request.body(),
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    changes.fire(new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.FEEDBACK));
    return find(id, false).view();
  }

  /** Changes a comment's text; only its author may, whatever their role. */
  @Transactional
  public CommentView edit(CurrentUser.Caller caller, long id, CommentEdit request) {
    CommentReads.StoredComment comment = findLive(id);
    if (comment.authorId() != caller.accountId()) {
      throw ProblemException.forbidden("Only its author may edit a comment.");
    }
    entityManager
        .createNativeQuery(
            "update comments set body = :body, body_html = :html, edited_at = :now where id = :id")
        .setParameter("body", request.body())
        .setParameter("html", markdown.toSafeCommentHtml(request.body()))
        .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setParameter("id", id)
        .executeUpdate();
    changes.fire(
        new ArticleChanged(
            comment.articleId(), comment.articleSlug(), ArticleChanged.Kind.FEEDBACK));
    return find(id, false).view();
  }

  /**
   * Deletes a comment (its author, or an editor): its text is erased at once. While it has listed
   * replies it stays listed as a placeholder; otherwise it leaves the list, and so do deleted
   * ancestors that thereby lose their last listed reply.
   */
  @Transactional
  public void delete(CurrentUser.Caller caller, long id) {
    CommentReads.StoredComment comment = findLive(id);
    if (comment.authorId() != caller.accountId() && !caller.is(Role.EDITOR)) {
      throw ProblemException.forbidden("Only its author or an editor may delete a comment.");
    }
    boolean listed =
        Boolean.TRUE.equals(
            entityManager
                .createNativeQuery(
                    "update comments set deleted_at = :now, body = null, body_html = null,"
                        + " edited_at = null, listed = exists (select 1 from comments r where"
                        + " r.parent_id = :id and r.listed) where id = :id returning listed")
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id)
                .getSingleResult());
    Long parent = comment.view().parentId();
    while (!listed && parent != null) {
      parent = unlistIfEmptyPlaceholder(parent);
    }
    entityManager
        .createNativeQuery(
            "update articles set comment_count = comment_count - 1 where id = :article")
        .setParameter("article", comment.articleId())
        .executeUpdate();
    changes.fire(
        new ArticleChanged(
            comment.articleId(), comment.articleSlug(), ArticleChanged.Kind.FEEDBACK));
  }

  /**
   * Writes a comment as imported content is: by {@code authorId}, created at {@code createdAt}.
   * Returns its id.
   */
  @Transactional
  public long importComment(
      String articleSlug, long authorId, Long parentId, String body, Instant createdAt) {
    ArticleRef article =
        articles
            .find(articleSlug)
            .orElseThrow(() -> new IllegalArgumentException("No article " + articleSlug));
    return insert(article.id(), authorId, parentId, body, createdAt.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Inserts a comment and counts it. A parent is locked in share mode first, so that it cannot be
   * deleted (and perhaps unlisted) while a reply to it is being written.
   */
  private long insert(long articleId, long authorId, Long parentId, String body, Instant at) {
    int depth = 0;
    if (parentId != null) {
      @SuppressWarnings("unchecked")
      List<Object[]> parents =
          entityManager
              .createNativeQuery(
                  "select article_id, deleted_at is not null, depth from comments where id = :id"
                      + " for share")
              .setParameter("id", parentId)
              .getResultList();
      if (parents.isEmpty() || ((Number) parents.get(0)[0]).longValue() != articleId) {
        throw ProblemException.invalidField(
            "parentId", "no comment with this id belongs to this article");
      }
      if (Boolean.TRUE.equals(parents.get(0)[1])) {
        throw ProblemException.invalidField(
            "parentId", "this comment was deleted and takes no replies");
      }
      depth = ((Number) parents.get(0)[2]).intValue() + 1;
      if (depth >= MAX_THREAD_LEVELS) {
        throw ProblemException.invalidField(
            "parentId",
            "this comment is at the deepest level of its thread ("
                + MAX_THREAD_LEVELS
                + " levels) and takes no replies; reply higher up the thread");
      }
    }
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into comments (article_id, parent_id, author_id, body, body_html,"
                            + " created_at, depth) values (:article, :parent, :author, :body,"
                            + " :html, :at, :depth) returning id")
                    .setParameter("article", articleId)
                    .setParameter("parent", parentId)
                    .setParameter("author", authorId)
                    .setParameter("body", body)
                    .setParameter("html", markdown.toSafeCommentHtml(body))
                    .setParameter("at", at)
                    .setParameter("depth", depth)
                    .getSingleResult())
            .longValue();
    entityManager
        .createNativeQuery(
            "update articles set comment_count = comment_count + 1 where id = :article")
        .setParameter("article", articleId)
        .executeUpdate();
    return id;
  }

  /**
   * Unlists the comment {@code id} if it is a placeholder with no listed replies left; returns its
   * parent when it did (the next one to look at), else null.
   */
  private Long unlistIfEmptyPlaceholder(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select parent_id, deleted_at is not null and listed from comments where id = :id"
                    + " for update")
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[1])) {
      return null;
    }
    int unlisted =
        entityManager
            .createNativeQuery(
                "update comments set listed = false where id = :id and not exists (select 1 from"
                    + " comments r where r.parent_id = :id and r.listed)")
            .setParameter("id", id)
            .executeUpdate();
    Object parent = rows.get(0)[0];
    return unlisted == 1 && parent != null ? ((Number) parent).longValue() : null;
  }

  /** The public article {@code slug} with its number of listed comments, in one statement. */
  private ArticleGateway.Found publicArticle(String slug) {
    return articles.requireVisible(
        slug,
        ArticleGateway.Lock.NONE,
        ArticleGateway.Extra.columns(
            "(select count(*) from comments c where c.article_id = a.id and c.listed) as listed"));
  }

  /** A comment on a public article, whatever its own state; 404 or 410 for the article. */
  private CommentReads.StoredComment find(long id, boolean lock) {
    CommentReads.StoredComment comment =
        reads
            .byId(id, lock)
            .orElseThrow(() -> ProblemException.notFound("No comment has the id " + id + "."));
    if (comment.articleDeleted()) {
      throw ProblemException.gone(
          "The article '" + comment.articleSlug() + "' of this comment has been deleted.");
    }
    if (!comment.articlePublic()) {
      throw ProblemException.notFound("No comment has the id " + id + ".");
    }
    return comment;
  }

  /** A comment that is not deleted, locked for a change. */
  private CommentReads.StoredComment findLive(long id) {
    CommentReads.StoredComment comment = find(id, true);
    if (comment.deleted()) {
      throw ProblemException.gone("The comment " + id + " has been deleted.");
    }
    return comment;
  }

  private CommentReads.Position position(String cursor) {
    List<String> keys = cursors.decode(cursor, CURSOR_SORT, 2).keys();
    try {
      return new CommentReads.Position(keys.get(0), Long.parseLong(keys.get(1)));
    } catch (NumberFormatException e) {
      throw CursorCodec.invalid();
    }
  }
}
