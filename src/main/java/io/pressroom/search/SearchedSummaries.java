package io.pressroom.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleService;
import io.pressroom.article.PublicSummaryJson;
import io.pressroom.delivery.KeptCopies;
import io.pressroom.delivery.OtherInstancesChanged;
import io.pressroom.delivery.PublicContentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summaries of the articles on a page of search results, with this instance's copies of the
 * kept summaries ({@link KeptCopies}) of articles searches showed before: for those PostgreSQL
 * reads only the counters, which also say whether each article is public now, so a copy never shows
 * an article taken down and its counts are always exact. What a copy can lag by is the article's
 * own text (title, summary, author, tags): it is dropped when a write that changes any summary
 * commits here, and when another instance announces one, as answers of the response cache are.
 */
@ApplicationScoped
class SearchedSummaries {

  private final ArticleService articles;
  private final KeptCopies<Long, byte[]> copies;
  private final Counter fromCopies;
  private final Counter fromDatabase;

  SearchedSummaries(ArticleService articles, PressroomConfig config, MeterRegistry meters) {
    this.articles = articles;
    this.copies = new KeptCopies<>(config.search().keptSummaries());
    this.fromCopies = summariesShown(meters, "copy");
    this.fromDatabase = summariesShown(meters, "database");
  }

  private static Counter summariesShown(MeterRegistry meters, String source) {
    return Counter.builder("pressroom.search.summaries")
        .description(
            "Summaries of searched articles looked up, by where their kept part came from: this"
                + " instance's copy, or PostgreSQL")
        .tag("source", source)
        .register(meters);
  }

  /** The summaries (JSON, counters included) of those of these articles that are public now. */
  Map<Long, byte[]> publicSummaries(List<Long> ids) {
    long stamp = copies.stamp();
    Map<Long, byte[]> known = copies.getAll(ids);
    fromCopies.increment(known.size());
    fromDatabase.increment(ids.size() - known.size());
    Map<Long, PublicSummaryJson> read = articles.publicSummaryJson(ids, known);
    Map<Long, byte[]> summaries = new HashMap<>();
    read.forEach(
        (id, summary) -> {
          summaries.put(id, summary.json());
          if (summary.kept() != null) {
            copies.keep(id, summary.kept(), stamp);
          }
        });
    return summaries;
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    // Likes, ratings and comments change only the counters, which are read every time.
    if (change.changesListings()) {
      copies.drop();
    }
  }

  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    if (!change.followersOnly()) {
      copies.drop();
    }
  }

  void otherInstances(@Observes OtherInstancesChanged change) {
    if (!change.followersOnly()) {
      copies.trust(change.listening());
    }
  }
}
