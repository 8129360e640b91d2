package io.pressroom.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of search results: a passage of each article where its words match, escaped as HTML
 * text with the matched words in {@code <mark>} elements and no other markup (Lucene's passage
 * formatter escapes each piece of text it copies). Cut from the text the index stores, with the
 * offsets its postings keep, so no article is read from the database or analysed again per search.
 * The body is stored as plain text (Markdown syntax dropped), so that the passage reads as text.
 */
final class Snippets {

  static final int FRAGMENT_CHARS = 160;

  /**
   * How far into a field a match is looked for: a whole body (at most 100,000 characters of
   * Markdown), not the highlighter's default of 10,000, past which a long article's only match
   * would be left unmarked.
   */
  private static final int MAX_TEXT_CHARS = 100_000;

  /** Where a passage is looked for, best first. */
  private static final String[] FIELDS = {
    SearchFields.BODY, SearchFields.SUMMARY, SearchFields.TITLE
  };

  private static final Formatter FORMATTER = new Formatter();

  private static final PassageScores SCORER = new PassageScores();

  private static final Pattern IMAGES = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINKS = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MARKUP =
      Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+\\.)\\s+|[*_`~]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The best passage of the body, else of the summary, else of the title, where {@code query}
   * matches, for each of these documents of {@code searcher}; the summary's beginning, escaped,
   * when none does.
   */
  String[] snippets(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    String[] snippets = new String[docIds.length];
    if (docIds.length == 0) {
      return snippets;
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(FORMATTER)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), FRAGMENT_CHARS, 0.3f))
            .withScorer(SCORER)
            .withMaxNoHighlightPassages(0)
            .withMaxLength(MAX_TEXT_CHARS)
            // Each word's offsets straight from its postings: matching the whole query again per
            // article and field (weight matches, phrases checked strictly) costs more than the
            // search itself. A phrase's words are so marked wherever they stand in the passage.
            .withWeightMatches(false)
            .withHighlightPhrasesStrictly(false)
            .build();
    int[] one = new int[FIELDS.length];
    Arrays.fill(one, 1);
    Map<String, String[]> marked = highlighter.highlightFields(FIELDS, query, docIds, one);
    for (int i = 0; i < docIds.length; i++) {
      for (String field : FIELDS) {
        String passage = marked.get(field)[i];
        if (passage != null && !passage.isBlank()) {
          snippets[i] = passage.strip();
          break;
        }
      }
      if (snippets[i] == null) {
        snippets[i] = start(searcher, docIds[i]);
      }
    }
    return snippets;
  }

  private static String start(IndexSearcher searcher, int docId) throws IOException {
    String summary =
        searcher
            .storedFields()
            .document(docId, Set.of(SearchFields.SUMMARY))
            .get(SearchFields.SUMMARY);
    String start = summary == null ? "" : summary;
    return FORMATTER.escape(
        start.length() > FRAGMENT_CHARS ? start.substring(0, FRAGMENT_CHARS) : start);
  }

  /** Lucene's formatter: marks in {@code <mark>}, escapes the rest (and so escapes alike). */
  private static final class Formatter extends DefaultPassageFormatter {
    Formatter() {
      super("<mark>", "</mark>", "… ", true);
    }

    String escape(String text) {
      StringBuilder escaped = new StringBuilder(text.length() + 16);
      append(escaped, text, 0, text.length());
      return escaped.toString();
    }
  }

  /** Markdown as the words a reader sees: link texts kept, syntax characters dropped. */
  static String plainText(String markdown) {
    if (markdown == null) {
      return null;
    }
    String text = IMAGES.matcher(markdown).replaceAll("$1");
    text = LINKS.matcher(text).replaceAll("$1");
    text = MARKUP.matcher(text).replaceAll("");
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}
