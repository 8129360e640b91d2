package io.pressroom.delivery;

import io.pressroom.article.ArticleChanged;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message on the {@value #CHANNEL} channel: what a committed write on some instance made stale
 * in every instance's memory. The text is {@code v1 <origin> <what> [<argument>]}, for example
 * {@code v1 Xq3... article 42} or {@code v1 Xq3... listings 2026-12-01T08:00:00Z}: versioned, so
 * that instances of different versions during a rolling upgrade treat what they cannot read as
 * "drop everything" rather than misread it, and short (PostgreSQL refuses payloads of 8000 bytes or
 * more; these stay under 100).
 *
 * @param origin the instance that wrote, so that it can skip its own messages (it applied them when
 *     its transaction committed)
 * @param articleId the article of {@link What#ARTICLE}, else 0
 * @param publishesAt the instant a listings change makes an article appear by itself, if any
 * @param accountId the account of {@link What#ACCOUNT}, else 0
 */
record Invalidation(String origin, What what, long articleId, Instant publishesAt, long accountId) {

  static final String CHANNEL = "pressroom_invalidation";
  private static final String VERSION = "v1";
  private static final Pattern ORIGIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** What the receiver drops. */
  enum What {
    /** The kept answers that show one article (feedback on it: likes, ratings, comments). */
    ARTICLE("article"),
    /** Every kept answer (what listings may show changed); maybe a scheduled instant to learn. */
    LISTINGS("listings"),
    /** Kept answers about authors (follower counts). */
    AUTHORS("authors"),
    /** Kept discussions (a commenter's name or avatar changed). */
    DISCUSSIONS("discussions"),
    /** Recognised API keys (one was revoked). */
    API_KEYS("api-keys"),
    /**
     * The remembered checks of one account's tokens (its role, disabled flag or handle changed, it
     * was deleted, or one of its sessions ended); sent by the database's triggers (V14).
     */
    ACCOUNT("account"),
    /** A message this version cannot read: everything, to be safe. */
    EVERYTHING("everything");

    private final String word;

    What(String word) {
      this.word = word;
    }
  }

  static Invalidation article(String origin, long articleId) {
    return new Invalidation(origin, What.ARTICLE, articleId, null, 0);
  }

  static Invalidation listings(String origin, Instant publishesAt) {
    return new Invalidation(origin, What.LISTINGS, 0, publishesAt, 0);
  }

  static Invalidation authors(String origin) {
    return new Invalidation(origin, What.AUTHORS, 0, null, 0);
  }

  static Invalidation discussions(String origin) {
    return new Invalidation(origin, What.DISCUSSIONS, 0, null, 0);
  }

  static Invalidation apiKeys(String origin) {
    return new Invalidation(origin, What.API_KEYS, 0, null, 0);
  }

  static Invalidation account(String origin, long accountId) {
    return new Invalidation(origin, What.ACCOUNT, 0, null, accountId);
  }

  /**
   * What an article write makes stale: feedback, the answers showing the article; a change readers
   * can see, everything, with the instant a scheduled article will appear; a draft, nothing.
   */
  static Optional<Invalidation> of(String origin, ArticleChanged change, Instant now) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      return Optional.of(article(origin, change.articleId()));
    }
    if (!change.shown()) {
      return Optional.empty();
    }
    Instant at = change.publishedAt();
    return Optional.of(listings(origin, at != null && at.isAfter(now) ? at : null));
  }

  /** What a change to tags, authors' profiles, roles or follower counts makes stale. */
  static Invalidation of(String origin, PublicContentChanged change) {
    return change.followersOnly() ? authors(origin) : listings(origin, null);
  }

  /** The payload sent with {@code pg_notify}. */
  String encode() {
    StringBuilder text =
        new StringBuilder(VERSION).append(' ').append(origin).append(' ').append(what.word);
    if (what == What.ARTICLE) {
      text.append(' ').append(articleId);
    } else if (what == What.ACCOUNT) {
      text.append(' ').append(accountId);
    } else if (publishesAt != null) {
      text.append(' ').append(publishesAt);
    }
    return text.toString();
  }

  /**
   * The message in a payload. Anything unreadable (another version, a damaged text) is {@link
   * What#EVERYTHING} from an unknown origin: dropping too much costs a few misses, keeping a stale
   * answer would be wrong.
   */
  static Invalidation decode(String payload) {
    String[] parts = payload == null ? new String[0] : payload.split(" ", -1);
    if (parts.length < 3
        || parts.length > 4
        || !VERSION.equals(parts[0])
        || !ORIGIN.matcher(parts[1]).matches()) {
      return everything();
    }
    String origin = parts[1];
    String argument = parts.length == 4 ? parts[3] : null;
    try {
      switch (parts[2]) {
        case "article":
          return argument == null ? everything() : article(origin, Long.parseLong(argument));
        case "listings":
          return listings(origin, argument == null ? null : Instant.parse(argument));
        case "authors":
          return argument == null ? authors(origin) : everything();
        case "discussions":
          return argument == null ? discussions(origin) : everything();
        case "api-keys":
          return argument == null ? apiKeys(origin) : everything();
        case "account":
          return argument == null ? everything() : account(origin, Long.parseLong(argument));
        default:
          return everything();
      }
    } catch (NumberFormatException | DateTimeException e) {
      return everything();
    }
  }

  private static Invalidation everything() {
    return new Invalidation("", What.EVERYTHING, 0, null, 0);
  }
}
