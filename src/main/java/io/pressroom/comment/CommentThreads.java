package io.pressroom.comment;

import io.pressroom.article.ArticleGateway;
import io.pressroom.article.ArticleRef;
import io.pressroom.comment.CommentQueries.Placeholder;
import io.pressroom.text.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps threads in shape and the article's comment counter exact as comments come and go.
 *
 * <p>The count covers the comments that are not deleted. It changes only by SQL increments in the
 * same transaction as the insert or the deletion, so it stays exact however many people comment at
 * once. Row locks are always taken from a comment up towards the root of its thread and only then
 * on the article, so that concurrent writers cannot deadlock. Callers run in a transaction.
 */
@ApplicationScoped
class CommentThreads {

  private final CommentQueries queries;
  private final ArticleGateway articles;
  private final MarkdownRenderer markdown;

  CommentThreads(CommentQueries queries, ArticleGateway articles, MarkdownRenderer markdown) {
    this.queries = queries;
    this.articles = articles;
    this.markdown = markdown;
  }

  /**
   * Inserts a comment and counts it; returns its id. A parent is locked in share mode first, so
   * that it cannot be deleted (and perhaps unlisted) while a reply to it is being written.
   */
  long add(long articleId, long authorId, Long parentId, String body, Instant at) {
    Optional<ReplyParent> parent =
        parentId == null ? Optional.empty() : queries.replyParent(parentId);
    int depth = ReplyParent.depthOfComment(articleId, parentId, parent);
    long id =
        queries.insert(
            articleId, parentId, authorId, body, markdown.toSafeCommentHtml(body), at, depth);
    articles.countComments(articleId, 1);
    return id;
  }

  /**
   * Posts a comment on the public article {@code slug} (not a reply) and counts it, in one
   * statement with finding the article: the most frequent comment takes one round trip. 404 or 410
   * for the article as {@link ArticleGateway#writeVisible} answers.
   */
  Posted addToArticle(String slug, long authorId, String body, Instant at) {
    String html = markdown.toSafeCommentHtml(body);
    ArticleGateway.Written written =
        articles.writeVisible(slug, queries.insertOnArticle(authorId, body, html, at));
    return new Posted(written.article(), CommentQueries.newComment(written.row(), body, html));
  }

  /** A comment just posted and the article it is on. */
  record Posted(ArticleRef article, CommentView comment) {}

  /**
   * Erases a comment's text and uncounts it. While it has listed replies it stays listed as a
   * placeholder; otherwise it leaves the list, and so do deleted ancestors that thereby lose their
   * last listed reply.
   */
  void remove(Comment comment, Instant at) {
    if (!queries.markDeleted(comment.id(), at)) {
      unlistEmptyAncestors(comment.parentId());
    }
    articles.countComments(comment.articleId(), -1);
  }

  /**
   * Walks up from {@code parent}: each placeholder left with no listed replies leaves the list, and
   * the walk stops at the first comment that stays.
   */
  private void unlistEmptyAncestors(Long parent) {
    while (parent != null) {
      Optional<Placeholder> placeholder = queries.lockPlaceholder(parent);
      if (placeholder.isEmpty()
          || !placeholder.get().listed()
          || !queries.unlistIfNoListedReplies(parent)) {
        return;
      }
      parent = placeholder.get().parentId();
    }
  }
}
