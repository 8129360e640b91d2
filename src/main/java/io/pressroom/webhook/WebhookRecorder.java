package io.pressroom.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleRef;
import io.pressroom.db.Timestamps;
import io.pressroom.web.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Writes webhook events into the outbox ({@code webhook_events}) inside the transaction of the
 * change they describe, so that an event exists if and only if its change committed; the dispatcher
 * sends them after the commit. Each event is one statement, written only when an enabled
 * subscription wants its type: with nobody subscribed, a write pays one index-less existence check
 * of a tiny table and no row. The exception is a scheduled article's go-live event, always written
 * (one per schedule) so that a subscription made before the instant still hears of it.
 *
 * <p>Article events follow {@link ArticleChanged}; comments and tags call the methods below.
 */
@ApplicationScoped
public class WebhookRecorder {

  private final WebhookQueries queries;
  private final ObjectMapper mapper;
  private final Links links;
  private final Event<WebhookEventsRecorded> recorded;

  WebhookRecorder(
      WebhookQueries queries,
      ObjectMapper mapper,
      Links links,
      Event<WebhookEventsRecorded> recorded) {
    this.queries = queries;
    this.mapper = mapper;
    this.links = links;
    this.recorded = recorded;
  }

  /**
   * The article events of a write of the article package. Writes of other packages (a tag renamed
   * or deleted changes the articles showing it) have their own events and send no article event;
   * likes, ratings and comments neither.
   */
  void articleChanged(@Observes ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK
        || change.kind() == ArticleChanged.Kind.CREATED
        || change.feedOp() == ArticleChanged.FeedOp.UNSETTLED) {
      return;
    }
    boolean publicNow = change.feedOp() == ArticleChanged.FeedOp.UPSERT;
    Instant now = Timestamps.now();
    queries.flush();
    switch (change.kind()) {
      case PUBLISHED -> {
        queries.cancelGoLive(change.articleId());
        if (publicNow) {
          // Publishing an article readers could already see moves its date: an update.
          article(
              change.publicBefore() ? EventType.ARTICLE_UPDATED : EventType.ARTICLE_PUBLISHED,
              change,
              now,
              change.publicBefore() ? null : change.publishedAt());
        } else {
          if (change.publicBefore()) {
            article(EventType.ARTICLE_UNPUBLISHED, change, now, null);
          }
          article(EventType.ARTICLE_SCHEDULED, change, now, change.publishedAt());
          goLive(change);
        }
      }
      case UPDATED -> {
        if (publicNow) {
          article(EventType.ARTICLE_UPDATED, change, now, null);
        } else if (change.shown()) {
          queries.rescopeGoLive(change.articleId());
        }
      }
      case UNPUBLISHED, DELETED -> {
        queries.cancelGoLive(change.articleId());
        if (change.publicBefore()) {
          article(
              change.kind() == ArticleChanged.Kind.DELETED
                  ? EventType.ARTICLE_DELETED
                  : EventType.ARTICLE_UNPUBLISHED,
              change,
              now,
              null);
        }
      }
      default -> {}
    }
  }

  /** A comment was posted on a public article. */
  public void commentCreated(long commentId, ArticleRef article) {
    comment(EventType.COMMENT_CREATED, commentId, article.id(), article.authorId(), article.slug());
  }

  /** A comment on a public article was deleted. */
  public void commentDeleted(long commentId, long articleId, String articleSlug) {
    comment(EventType.COMMENT_DELETED, commentId, articleId, null, articleSlug);
  }

  public void tagCreated(long tagId, String slug) {
    tag(EventType.TAG_CREATED, tagId, slug);
  }

  public void tagUpdated(long tagId, String slug) {
    tag(EventType.TAG_UPDATED, tagId, slug);
  }

  public void tagDeleted(long tagId, String slug) {
    tag(EventType.TAG_DELETED, tagId, slug);
  }

  /**
   * A webhook.test event for one subscription, whatever events it wants, written whether or not it
   * is enabled (the caller decides); its message id.
   */
  String test(long subscriptionId) {
    String id = MessageIds.next();
    Instant now = Timestamps.now();
    String payload =
        payload(id, EventType.WEBHOOK_TEST, now, new WebhookPayload.TestData(subscriptionId));
    record(
        new WebhookQueries.NewEvent(
            id, EventType.WEBHOOK_TEST, now, now, null, null, subscriptionId, payload),
        false);
    return id;
  }

  private void article(EventType type, ArticleChanged change, Instant at, Instant publishedAt) {
    String id = MessageIds.next();
    WebhookPayload.ArticleData data =
        new WebhookPayload.ArticleData(
            change.articleId(), change.slug(), articleUrl(change.slug()), publishedAt);
    record(
        new WebhookQueries.NewEvent(
            id, type, at, at, change.articleId(), null, null, payload(id, type, at, data)),
        true);
  }

  /**
   * The article.published event of a scheduled article: it happens, and is sent, at its instant.
   */
  private void goLive(ArticleChanged change) {
    String id = MessageIds.next();
    Instant at = change.publishedAt();
    WebhookPayload.ArticleData data =
        new WebhookPayload.ArticleData(
            change.articleId(), change.slug(), articleUrl(change.slug()), at);
    EventType type = EventType.ARTICLE_PUBLISHED;
    record(
        new WebhookQueries.NewEvent(
            id, type, at, at, change.articleId(), null, null, payload(id, type, at, data)),
        false);
  }

  private void comment(
      EventType type, long commentId, long articleId, Long authorId, String articleSlug) {
    String id = MessageIds.next();
    Instant now = Timestamps.now();
    WebhookPayload.CommentData data =
        new WebhookPayload.CommentData(
            commentId, articleSlug, links.absolute("/api/v1/comments/" + commentId).toString());
    record(
        new WebhookQueries.NewEvent(
            id, type, now, now, articleId, authorId, null, payload(id, type, now, data)),
        true);
  }

  private void tag(EventType type, long tagId, String slug) {
    String id = MessageIds.next();
    Instant now = Timestamps.now();
    WebhookPayload.TagData data =
        new WebhookPayload.TagData(tagId, slug, links.absolute("/api/v1/tags/" + slug).toString());
    record(
        new WebhookQueries.NewEvent(
            id, type, now, now, null, null, null, payload(id, type, now, data)),
        true);
  }

  private void record(WebhookQueries.NewEvent event, boolean onlyWhenWanted) {
    if (queries.insertEvent(event, onlyWhenWanted)) {
      recorded.fire(new WebhookEventsRecorded());
    }
  }

  private String articleUrl(String slug) {
    return links.absolute("/api/v1/articles/" + slug).toString();
  }

  private String payload(String id, EventType type, Instant at, Object data) {
    try {
      return mapper.writeValueAsString(new WebhookPayload(id, type.value(), at, data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a webhook payload", e);
    }
  }
}
