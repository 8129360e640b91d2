package io.pressroom.search;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * The snippet of a search result: a passage of the article where its words match, escaped as HTML
 * text with the matched words in {@code <mark>} elements and no other markup (Lucene's highlighter,
 * which escapes each piece of text it copies). Markdown syntax is dropped from the body first, so
 * that the passage reads as text.
 */
final class Snippets {

  static final int FRAGMENT_CHARS = 160;

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
   * matches; the summary's beginning, escaped, when none does.
   */
  String snippet(Query query, String title, String summary, String body) {
    String[][] sources = {
      {SearchFields.BODY, plainText(body)},
      {SearchFields.SUMMARY, summary},
      {SearchFields.TITLE, title}
    };
    for (String[] source : sources) {
      String marked = highlight(query, source[0], source[1]);
      if (marked != null) {
        return marked;
      }
    }
    String start = summary == null ? "" : summary;
    return new SimpleHTMLEncoder()
        .encodeText(start.length() > FRAGMENT_CHARS ? start.substring(0, FRAGMENT_CHARS) : start);
  }

  private String highlight(Query query, String field, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    QueryScorer scorer = new QueryScorer(query, field);
    Highlighter highlighter =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
    highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT_CHARS));
    highlighter.setMaxDocCharsToAnalyze(100_000);
    try {
      String fragment = highlighter.getBestFragment(analyzer, field, text);
      return fragment == null ? null : fragment.strip();
    } catch (IOException | InvalidTokenOffsetsException e) {
      return null;
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
