package io.pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.shingle.ShingleAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of the index and how their text is analysed: English words with stemming (so {@code
 * kernels} finds {@code kernel}) and English stop words left out. Version {@link #SCHEMA} is kept
 * with each commit; an index written under another is rebuilt.
 */
final class SearchFields {

  /** Bump when fields or analysis change: indexes of another schema are rebuilt from scratch. */
  static final String SCHEMA = "9";

  static final String KEY = "key";
  static final String ID = "id";
  static final String PUBLISHED = "published";

  /**
   * When the article was last edited or published (microseconds): every such write puts the article
   * in the changes feed, so the index keeps it as current as its text, and a search with {@code
   * updatedSince} filters by it here.
   */
  static final String UPDATED = "updated";

  static final String AUTHOR = "author";
  static final String TAG = "tag";
  static final String TITLE = "title";
  static final String SUMMARY = "summary";
  static final String BODY = "body";

  /**
   * Every word of the title, summary and body in one field, each counted as often as it occurs in
   * them weighted by {@link #BOOSTS} (a title word four times, a summary word twice): a word's
   * score here is BM25F over the three fields, from one postings list. A search finds and ranks its
   * matches here, instead of in a disjunction of the three fields per word, which had to advance
   * three postings lists for every match and could not skip as a single term does. Only whether and
   * how often an article has a word, no positions: phrases use {@link #PAIRS} and the text fields.
   */
  static final String WORDS = "words";

  /**
   * Every pair of adjacent words of the title, summary and body (analysed as they are, so {@code
   * "memory allocators"} is the term {@code "memori alloc"}), without single words: a phrase of two
   * words is one term here, and words standing together are found without reading the positions of
   * every article that has them. A stop word the analysis drops leaves its place as {@link
   * #FILLER}: {@code memory of allocators} gives {@code "memori _"} and {@code "_ alloc"}.
   */
  static final String PAIRS = "pairs";

  /**
   * The pairs of the title alone, and of the summary alone: where a two-word phrase stands in the
   * title or the summary is one short postings list each, which rank it there above the body. (Its
   * words in the title and in the summary, which ranked it before, were two long postings lists
   * each, intersected for every article with the phrase.)
   */
  static final String TITLE_PAIRS = "title_pairs";

  static final String SUMMARY_PAIRS = "summary_pairs";

  /**
   * Every beginning of every word of the title, as the analysis spells the word ({@code kernels}
   * gives {@code k}, {@code ke}, ... {@code kernel}): the word a reader is still typing in a
   * suggestion is one term here, whatever its length, rather than a prefix expanded over every word
   * of the index it begins (a one-letter one over thousands). Only whether an article has them.
   */
  static final String TITLE_BEGINNINGS = "title_beginnings";

  /** What stands in a pair for a word the analysis dropped (a stop word). */
  static final String FILLER = "_";

  /**
   * Title, summary and body: analysed, with the offsets of their words in the postings, so that
   * snippets are cut from the index without reading or analysing the articles again. Their text is
   * kept beside them as doc values by {@link #addText}, not as stored fields.
   */
  static final FieldType TEXT = text();

  /** How much a match in each text field counts: a title match outranks a body-only one. */
  static final Map<String, Float> BOOSTS = Map.of(TITLE, 4f, SUMMARY, 2f, BODY, 1f);

  private SearchFields() {}

  /** An instant as the index keeps it: microseconds since the epoch, PostgreSQL's precision. */
  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  /**
   * An article as it is written (summary possibly null, body in Markdown) in every field searches
   * read ({@link #addArticleText}), its body as the plain text a reader sees.
   */
  static void addArticleMarkdown(Document doc, String title, String summary, String body) {
    String plainBody = Highlights.plainText(body);
    addArticleText(doc, title, summary == null ? "" : summary, plainBody == null ? "" : plainBody);
  }

  /**
   * Only what highlights read of an article as it is written ({@link #addArticleMarkdown}): the
   * text fields, with their offsets and kept text, and its words (a search's last word is a prefix
   * only when they lack it). The pairs and the title's beginnings, which rank and suggest but never
   * mark, are left out: they were most of the cost of indexing a page of articles to highlight
   * them.
   */
  static void addHighlightedMarkdown(Document doc, String title, String summary, String body) {
    String plainBody = Highlights.plainText(body);
    String text = summary == null ? "" : summary;
    String plain = plainBody == null ? "" : plainBody;
    addText(doc, TITLE, title);
    addText(doc, SUMMARY, text);
    addText(doc, BODY, plain);
    addWords(doc, title, text, plain);
  }

  /**
   * An article's text in every field searches read: each text field ({@link #addText}), its words
   * weighted ({@link #WORDS}), their pairs (and the title's and the summary's apart) and the
   * title's word beginnings.
   */
  static void addArticleText(Document doc, String title, String summary, String body) {
    addText(doc, TITLE, title);
    addText(doc, SUMMARY, summary);
    addText(doc, BODY, body);
    addWords(doc, title, summary, body);
    addPairs(doc, title, summary, body);
    doc.add(new Field(TITLE_PAIRS, title, FREQUENCIES_ONLY));
    doc.add(new Field(SUMMARY_PAIRS, summary, FREQUENCIES_ONLY));
    addTitleBeginnings(doc, title);
  }

  /**
   * The field {@code name} of {@code doc}: searchable, and its text kept as binary doc values for
   * snippets. Stored fields are compressed in blocks of many documents, and reading one article's
   * text there decompressed a block per hit (a sixth of a search's time); doc values are plain
   * bytes read where they lie.
   */
  static void addText(Document doc, String name, String text) {
    doc.add(new Field(name, text, TEXT));
    doc.add(new BinaryDocValuesField(name, new BytesRef(text)));
  }

  /** The text {@link #addText} kept for the document {@code doc} of {@code leaf}; null if none. */
  static String text(LeafReader leaf, String name, int doc) throws IOException {
    return text(leaf.getBinaryDocValues(name), doc);
  }

  /** The text of {@code doc} in these values, which must not have gone past it; null for none. */
  static String text(BinaryDocValues values, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return null;
    }
    // The JDK's decoder copies a run of ASCII (most of a text) in one go; Lucene's utf8ToString
    // decodes every byte to a char and the String compresses them back (a twelfth of a snippet).
    BytesRef bytes = values.binaryValue();
    return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
  }

  private static FieldType text() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The words of every text field, each counted as its field weighs ({@link #WORDS}). */
  private static void addWords(Document doc, String title, String summary, String body) {
    Map<String, Integer> counts = new HashMap<>();
    count(counts, TITLE, title);
    count(counts, SUMMARY, summary);
    count(counts, BODY, body);
    doc.add(new Field(WORDS, new WeightedTerms(counts), FREQUENCIES_ONLY));
  }

  private static void count(Map<String, Integer> counts, String field, String text) {
    int weight = Math.round(BOOSTS.get(field));
    try (TokenStream tokens = WORD_ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        counts.merge(term.toString(), weight, Integer::sum);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Analyzer WORD_ANALYZER = new EnglishAnalyzer();

  /**
   * Each word once, with its weighted count as its frequency: Lucene adds the frequencies up as the
   * field's length, so that the length norm weighs the fields alike.
   */
  private static final class WeightedTerms extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final Map<String, Integer> counts;
    private Iterator<Map.Entry<String, Integer>> next;

    WeightedTerms(Map<String, Integer> counts) {
      this.counts = counts;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = counts.entrySet().iterator();
    }

    @Override
    public boolean incrementToken() {
      if (!next.hasNext()) {
        return false;
      }
      clearAttributes();
      Map.Entry<String, Integer> word = next.next();
      term.setEmpty().append(word.getKey());
      frequency.setTermFrequency(word.getValue());
      return true;
    }
  }

  /**
   * Pairs and weighted words: only whether and how often an article has them, no positions and no
   * offsets.
   */
  static final FieldType FREQUENCIES_ONLY = frequenciesOnly();

  /**
   * The text fields' pairs, each value on its own (no pair spans the end of the title and the start
   * of the summary).
   */
  static void addPairs(Document doc, String... texts) {
    for (String text : texts) {
      doc.add(new Field(PAIRS, text, FREQUENCIES_ONLY));
    }
  }

  private static FieldType frequenciesOnly() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  /** The title's word beginnings ({@link #TITLE_BEGINNINGS}) of the document. */
  static void addTitleBeginnings(Document doc, String title) {
    doc.add(new Field(TITLE_BEGINNINGS, title, BEGINNINGS_TYPE));
  }

  private static final FieldType BEGINNINGS_TYPE = beginnings();

  private static FieldType beginnings() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /**
   * English words in every field, their pairs in {@link #PAIRS}, {@link #TITLE_PAIRS} and {@link
   * #SUMMARY_PAIRS}, and the beginnings of the title's in {@link #TITLE_BEGINNINGS}.
   */
  static Analyzer analyzer() {
    Analyzer pairs =
        new ShingleAnalyzerWrapper(new EnglishAnalyzer(), 2, 2, " ", false, false, FILLER);
    return new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(),
        Map.of(
            PAIRS,
            pairs,
            TITLE_PAIRS,
            pairs,
            SUMMARY_PAIRS,
            pairs,
            TITLE_BEGINNINGS,
            beginningsOf(new EnglishAnalyzer())));
  }

  /** Each word {@code words} makes, and every beginning of it, from one letter to the whole. */
  private static Analyzer beginningsOf(Analyzer words) {
    return new AnalyzerWrapper(words.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return words;
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(),
            new EdgeNGramTokenFilter(components.getTokenStream(), 1, Integer.MAX_VALUE, true));
      }
    };
  }
}
