package io.pressroom.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events webhooks send, by the name subscriptions and payloads use. */
public enum EventType {
  ARTICLE_PUBLISHED("article.published"),
  ARTICLE_UPDATED("article.updated"),
  ARTICLE_UNPUBLISHED("article.unpublished"),
  ARTICLE_DELETED("article.deleted"),
  ARTICLE_SCHEDULED("article.scheduled"),
  COMMENT_CREATED("comment.created"),
  COMMENT_DELETED("comment.deleted"),
  TAG_CREATED("tag.created"),
  TAG_UPDATED("tag.updated"),
  TAG_DELETED("tag.deleted"),
  /** Sent on demand to one subscription, whatever events it wants. */
  WEBHOOK_TEST("webhook.test");

  private final String value;

  EventType(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The types a subscription may ask for: all but the test, which comes on demand. */
  public static List<String> subscribable() {
    return Arrays.stream(values()).filter(t -> t != WEBHOOK_TEST).map(EventType::value).toList();
  }

  static Optional<EventType> of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
  }
}
