package io.pressroom.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The fields of the index and how their text is analysed: English words with stemming (so {@code
 * kernels} finds {@code kernel}) and English stop words left out. Version {@link #SCHEMA} is kept
 * with each commit; an index written under another is rebuilt.
 */
final class SearchFields {

  /** Bump when fields or analysis change: indexes of another schema are rebuilt from scratch. */
  static final String SCHEMA = "2";

  static final String KEY = "key";
  static final String ID = "id";
  static final String PUBLISHED = "published";
  static final String AUTHOR = "author";
  static final String TAG = "tag";
  static final String TITLE = "title";
  static final String SUMMARY = "summary";
  static final String BODY = "body";

  /**
   * Title, summary and body: analysed, and stored with the offsets of their words in the postings,
   * so that snippets are cut from the index without reading or analysing the articles again.
   */
  static final FieldType TEXT = text();

  /** How much a match in each text field counts: a title match outranks a body-only one. */
  static final Map<String, Float> BOOSTS = Map.of(TITLE, 4f, SUMMARY, 2f, BODY, 1f);

  private SearchFields() {}

  /** An instant as the index keeps it: microseconds since the epoch, PostgreSQL's precision. */
  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static FieldType text() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }
}
