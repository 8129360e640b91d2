package io.pressroom.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleService;
import io.pressroom.article.PublicSummaryJson;
import io.pressroom.delivery.KeptCopies;
import io.pressroom.delivery.OtherInstancesChanged;
import io.pressroom.delivery.OtherInstancesFeedback;
import io.pressroom.delivery.PublicContentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summaries of the articles on a page of search results, with two copies this instance keeps of
 * articles searches showed before ({@link KeptCopies}).
 *
 * <ul>
 *   <li>The whole summary, counters included, while the response cache is on: a page whose articles
 *       are all kept reads nothing from PostgreSQL. Kept as the response cache keeps the answers
 *       that show an article, and dropped with them: one article's copy by feedback on it (a like,
 *       a rating, a comment) committed here or announced by another instance, every copy by a
 *       change to what listings show (which also says when an article is taken down), and at the
 *       latest after the cache's time to live. Counters are so exact once a write is announced,
 *       within a second, as on every kept answer.
 *   <li>The kept summary without its counters, whether the response cache is on or not: for those
 *       PostgreSQL reads only the counters, which also say whether each article is public now, so
 *       this copy never shows an article taken down and its counts are exact. It can lag by the
 *       article's own text (title, summary, author, tags): it is dropped when a write that changes
 *       any summary commits here, and when another instance announces one.
 * </ul>
 */
@ApplicationScoped
class SearchedSummaries {

  private final ArticleService articles;
  private final KeptCopies<Long, byte[]> counted;
  private final KeptCopies<Long, byte[]> copies;
  private final Counter whole;
  private final Counter fromCopies;
  private final Counter fromDatabase;

  SearchedSummaries(ArticleService articles, PressroomConfig config, MeterRegistry meters) {
    this.articles = articles;
    long maximum = config.search().keptSummaries();
    this.counted =
        new KeptCopies<>(
            config.responseCache().enabled() ? maximum : 0, config.responseCache().timeToLive());
    this.copies = new KeptCopies<>(maximum);
    this.whole = summariesShown(meters, "kept");
    this.fromCopies = summariesShown(meters, "copy");
    this.fromDatabase = summariesShown(meters, "database");
  }

  private static Counter summariesShown(MeterRegistry meters, String source) {
    return Counter.builder("pressroom.search.summaries")
        .description(
            "Summaries of searched articles looked up, by where they came from: this instance's"
                + " copy with counters (kept), its copy without them (copy: counters from"
                + " PostgreSQL), or PostgreSQL (database)")
        .tag("source", source)
        .register(meters);
  }

  /** The summaries (JSON, counters included) of those of these articles that are public now. */
  Map<Long, byte[]> publicSummaries(List<Long> ids) {
    KeptCopies.Stamp countedStamp = counted.stamp();
    KeptCopies.Stamp stamp = copies.stamp();
    Map<Long, byte[]> summaries = new HashMap<>(counted.getAll(ids));
    whole.increment(summaries.size());
    if (summaries.size() == ids.size()) {
      return summaries;
    }
    List<Long> unread = ids.stream().filter(id -> !summaries.containsKey(id)).toList();
    Map<Long, byte[]> known = copies.getAll(unread);
    fromCopies.increment(known.size());
    fromDatabase.increment(unread.size() - known.size());
    Map<Long, PublicSummaryJson> read = articles.publicSummaryJson(unread, known);
    read.forEach(
        (id, summary) -> {
          summaries.put(id, summary.json());
          counted.keep(id, summary.json(), countedStamp);
          if (summary.kept() != null) {
            copies.keep(id, summary.kept(), stamp);
          }
        });
    return summaries;
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      // Likes, ratings and comments change only the counters.
      counted.drop(change.articleId());
    } else if (change.changesListings()) {
      counted.drop();
      copies.drop();
    }
  }

  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    if (!change.followersOnly()) {
      counted.drop();
      copies.drop();
    }
  }

  void otherInstances(@Observes OtherInstancesChanged change) {
    if (!change.followersOnly()) {
      counted.trust(change.listening());
      copies.trust(change.listening());
    }
  }

  void feedbackElsewhere(@Observes OtherInstancesFeedback feedback) {
    counted.drop(feedback.articleId());
  }
}
