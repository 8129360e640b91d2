package io.pressroom.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Each article's summary kept ready as JSON ({@code article_listings}, see the V12 migration), kept
 * correct by the triggers of every write that changes it: its slug, title, summary, author, tags
 * and instants, ending with {@code "stats":} (the counters, kept apart, follow when it is sent).
 * Listings copy it as it is; a statement of another package that shows articles as listed (a feed)
 * reads it here instead of joining authors and tags per article.
 */
public final class KeptSummaries {

  /**
   * A reader of what the database wrote, not of what clients send: the application's mapper refuses
   * control characters in text (StrictJson), which an article written before that rule may hold and
   * a feed must still show (it drops what XML cannot carry).
   */
  private static final ObjectMapper KEPT =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /** Stands for the counters, which the kept text leaves to its reader. */
  private static final byte[] NO_STATS = "null}".getBytes(StandardCharsets.UTF_8);

  private KeptSummaries() {}

  /**
   * The kept JSON of the article whose id is the SQL expression {@code id}, over {@link #join}'s
   * row {@code k}: composed on the spot for a row the triggers have not written (a load that
   * bypassed them).
   */
  public static String column(String id) {
    return "coalesce(k.summary_json, (select r.summary_json from article_listing_rows(array["
        + id
        + "]) r))";
  }

  /** The kept row {@code k} of the article whose id is the SQL expression {@code id}. */
  public static String join(String id) {
    return " left join article_listings k on k.article_id = " + id;
  }

  /** The kept JSON (UTF-8, as {@link #column} gives it) as a summary without counters. */
  public static ArticleSummary read(byte[] kept) {
    byte[] json = new byte[kept.length + NO_STATS.length];
    System.arraycopy(kept, 0, json, 0, kept.length);
    System.arraycopy(NO_STATS, 0, json, kept.length, NO_STATS.length);
    try {
      return KEPT.readValue(json, ArticleSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("An article's kept summary is not the JSON it should be", e);
    }
  }
}
