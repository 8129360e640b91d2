package io.pressroom.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entries of feeds this instance has written, by article: its body and its Atom entry, kept as
 * long as the article's version and kept summary are those a feed's statement lists now. A feed
 * then reads no body and parses no summary for the entries it keeps, and writes their Atom bytes
 * once: fifty bodies read, parsed and escaped were most of what a feed that missed the response
 * cache cost, for the database and for the application.
 *
 * <p>Nothing here has to agree between instances: every feed checks each kept entry against the
 * database. The version rises with every edit of the body (the only way it changes), and the kept
 * summary changes with everything else an entry shows (title, summary, instants, the author's name,
 * the tags' names), so an entry kept is one written from the article as it is now.
 */
@Singleton
class KeptEntries {

  /**
   * What the kept entries may weigh, roughly in bytes (each body counted three times: as text, as
   * its Atom entry and for what surrounds them): a few hundred feeds' worth of articles, the least
   * recently used going first.
   */
  static final long MAX_WEIGHT = 16L << 20;

  private final FeedQueries queries;
  private final Cache<Long, Kept> kept;

  KeptEntries(FeedQueries queries) {
    this.queries = queries;
    this.kept =
        Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Long id, Kept entry) -> entry.weight())
            .build();
  }

  /**
   * The entries of the articles a feed's statement listed, in its order: those kept as they are
   * listed, the others read (their bodies, one statement for all of them) and kept. An article gone
   * between the two statements is left out, as it would be a moment later.
   */
  List<Kept> of(List<FeedQueries.Listed> listed) {
    Map<Long, Kept> found = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (FeedQueries.Listed article : listed) {
      Kept entry = kept.getIfPresent(article.id());
      if (entry != null && entry.isOf(article)) {
        found.put(article.id(), entry);
      } else {
        missing.add(article.id());
      }
    }
    Map<Long, FeedQueries.Body> bodies = queries.bodies(missing); // no statement when none
    List<Kept> entries = new ArrayList<>(listed.size());
    for (FeedQueries.Listed article : listed) {
      Kept entry = found.get(article.id());
      FeedQueries.Body body = bodies.get(article.id());
      if (entry == null && body != null) {
        entry = read(article, body);
      }
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private Kept read(FeedQueries.Listed article, FeedQueries.Body body) {
    Kept entry = new Kept(article, FeedQueries.entry(article, body.html()));
    // A body of a later version than the summary listed (an edit between the two statements) is
    // shown this once, not kept under the listed version.
    if (body.version() == article.version()) {
      kept.put(article.id(), entry);
    }
    return entry;
  }

  /** An article's entry as feeds show it, and its Atom bytes once written. */
  static final class Kept {

    private final long version;
    private final byte[] listingJson;
    private final FeedQueries.Entry entry;
    private volatile byte[] atom;

    Kept(FeedQueries.Listed article, FeedQueries.Entry entry) {
      this.version = article.version();
      this.listingJson = article.listingJson();
      this.entry = entry;
    }

    FeedQueries.Entry entry() {
      return entry;
    }

    /** Its Atom entry: written by {@code writer} the first time, the same bytes afterwards. */
    byte[] atom(Supplier<byte[]> writer) {
      byte[] written = atom;
      if (written == null) {
        written = writer.get();
        atom = written;
      }
      return written;
    }

    boolean isOf(FeedQueries.Listed article) {
      return version == article.version() && Arrays.equals(listingJson, article.listingJson());
    }

    int weight() {
      int html = entry.html() == null ? 0 : entry.html().length();
      return 1024 + listingJson.length + 3 * html;
    }
  }
}
