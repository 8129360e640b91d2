package io.pressroom.comment;

import io.pressroom.account.BylineChanged;
import io.pressroom.account.CurrentUser;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleRef;
import io.pressroom.comment.CommentQueries.PageRow;
import io.pressroom.comment.CommentQueries.Position;
import io.pressroom.db.SqlBuilder;
import io.pressroom.db.Timestamps;
import io.pressroom.delivery.DiscussionsChanged;
import io.pressroom.text.MarkdownRenderer;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageInfo;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.webhook.WebhookRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Comments on public articles: reading threads, posting, editing and deleting, each in its
 * transaction. The SQL lives in {@link CommentQueries}, who may change a comment in {@link
 * Comment}, and how threads and the article's count follow in {@link CommentThreads}.
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

  /** A discussion's total, read with its article ({@link #publicArticle}). */
  static final ArticleGateway.Extra LISTED_COMMENTS =
      new ArticleGateway.Extra(
          "ctr.comment_count + (select count(*) from comments c where c.article_id = a.id and"
              + " c.listed and c.deleted_at is not null) as listed",
          new SqlBuilder().append(ArticleGateway.COUNTERS_JOIN));

  private final CommentQueries queries;
  private final CommentThreads threads;
  private final CursorCodec cursors;
  private final MarkdownRenderer markdown;
  private final Event<ArticleChanged> changes;
  private final Event<DiscussionsChanged> discussions;
  private final ArticleGateway articles;
  private final WebhookRecorder webhooks;

  CommentService(
      ArticleGateway articles,
      CommentQueries queries,
      CommentThreads threads,
      CursorCodec cursors,
      MarkdownRenderer markdown,
      Event<ArticleChanged> changes,
      Event<DiscussionsChanged> discussions,
      WebhookRecorder webhooks) {
    this.articles = articles;
    this.queries = queries;
    this.threads = threads;
    this.cursors = cursors;
    this.markdown = markdown;
    this.changes = changes;
    this.discussions = discussions;
    this.webhooks = webhooks;
  }

  /** A page of an article's comments, and which article: the answer depends on it. */
  public record Discussion(long articleId, CommentPage page) {}

  /** The listed comments of a public article, oldest first. */
  public Discussion list(String slug, PageRequest pageRequest) {
    Optional<Position> after = pageRequest.cursor().map(this::position);
    ArticleGateway.Found found = publicArticle(slug);
    ArticleRef article = found.article();
    long listed = found.row().getLong("listed");
    if (listed == 0) {
      return new Discussion(
          article.id(), new CommentPage(List.of(), new PageInfo(pageRequest.limit(), 0, null)));
    }
    List<PageRow> rows =
        queries.page(article.id(), after, pageRequest.fetchSize(), pageRequest.offset());
    PageCut<PageRow> cut =
        PageCut.of(
            rows,
            pageRequest,
            cursors,
            CURSOR_SORT,
            last -> List.of(last.createdAtKey(), Long.toString(last.view().id())));
    return new Discussion(
        article.id(),
        new CommentPage(
            cut.shown().stream().map(PageRow::view).toList(), cut.info(pageRequest, listed)));
  }

  /**
   * A byline shown in comments changed (a name or an avatar): every kept discussion starts over,
   * since which articles the account commented on is not worth looking up; only when some comment
   * shows it, so that readers who never commented change nothing kept.
   */
  void bylineChanged(@Observes(during = TransactionPhase.IN_PROGRESS) BylineChanged change) {
    if (queries.showsBylineOf(change.accountId())) {
      discussions.fire(new DiscussionsChanged());
    }
  }

  /** One comment of a public article; a placeholder if deleted with replies, else 410. */
  public CommentView get(long id) {
    Comment comment = find(id, false);
    if (!comment.listed()) {
      throw ProblemException.gone("The comment " + id + " has been deleted.");
    }
    return comment.view();
  }

  /** Posts a comment by the caller on a public article, as a reply if {@code parentId} is set. */
  @Transactional
  public CommentView create(CurrentUser.Caller caller, String slug, NewComment request) {
    if (request.parentId() == null) {
      CommentThreads.Posted posted =
          threads.addToArticle(slug, caller.accountId(), request.body(), now());
      webhooks.commentCreated(posted.comment().id(), posted.article());
      changes.fire(
          new ArticleChanged(
              posted.article().id(), posted.article().slug(), ArticleChanged.Kind.FEEDBACK));
      return posted.comment();
    }
    ArticleRef article = articles.requireVisible(slug);
    long id =
        threads.add(article.id(), caller.accountId(), request.parentId(), request.body(), now());
    webhooks.commentCreated(id, article);
    changes.fire(new ArticleChanged(article.id(), article.slug(), ArticleChanged.Kind.FEEDBACK));
    return find(id, false).view();
  }

  /** Changes a comment's text; only its author may, whatever their role. */
  @Transactional
  public CommentView edit(CurrentUser.Caller caller, long id, CommentEdit request) {
    Comment comment = findLive(id);
    comment.checkEditableBy(caller);
    queries.edit(id, request.body(), markdown.toSafeCommentHtml(request.body()), now());
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
    Comment comment = findLive(id);
    comment.checkDeletableBy(caller);
    threads.remove(comment, now());
    webhooks.commentDeleted(comment.id(), comment.articleId(), comment.articleSlug());
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
    return threads.add(article.id(), authorId, parentId, body, Timestamps.stored(createdAt));
  }

  /**
   * The public article {@code slug} with its number of listed comments, in one statement: those not
   * deleted, which the article's counters keep, and the placeholders (V29), rather than every
   * listed comment counted.
   */
  private ArticleGateway.Found publicArticle(String slug) {
    return articles.requireVisible(slug, LISTED_COMMENTS);
  }

  /** A comment on a public article, whatever its own state; 404 or 410 for the article. */
  private Comment find(long id, boolean lock) {
    Comment comment =
        queries
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
  private Comment findLive(long id) {
    Comment comment = find(id, true);
    if (comment.deleted()) {
      throw ProblemException.gone("The comment " + id + " has been deleted.");
    }
    return comment;
  }

  private Position position(String cursor) {
    CursorCodec.Position keys = cursors.decode(cursor, CURSOR_SORT, 2);
    return new Position(keys.text(0), keys.longKey(1));
  }

  /** Timestamps are stored to the microsecond, as PostgreSQL keeps them. */
  private static Instant now() {
    return Timestamps.now();
  }
}
