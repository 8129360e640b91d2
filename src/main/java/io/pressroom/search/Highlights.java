package io.pressroom.search;

import io.pressroom.article.SearchHighlight;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The highlights of search results: each article's title with its matched words marked, when it has
 * one, and a passage of its text where its words match; escaped as HTML text with the matched words
 * in {@code <mark>} elements and no other markup (Lucene's passage formatter escapes each piece of
 * text it copies). Cut from the text the index keeps (doc values, see {@link
 * SearchFields#addText}), with the offsets its postings keep, so no article is read from the
 * database or analysed again per search. The body is kept as plain text (Markdown syntax dropped),
 * so that the passage reads as text. Only the hits shown get one, field by field.
 */
final class Highlights {

  static final int FRAGMENT_CHARS = 160;

  /**
   * How far into a field a match is looked for: a whole body (at most 100,000 characters of
   * Markdown), not the highlighter's default of 10,000, past which a long article's only match
   * would be left unmarked.
   */
  private static final int MAX_TEXT_CHARS = 100_000;

  /** The title, marked as a whole, and the body's best passage: read together. */
  private static final String[] TITLE_AND_BODY = {SearchFields.TITLE, SearchFields.BODY};

  private static final int[] ONE_EACH = {1, 1};

  private static final String[] SUMMARY = {SearchFields.SUMMARY};

  private static final int[] ONE = {1};

  /** The fields whose words a query names to mark: the text fields, and all of them at once. */
  private static final Set<String> MARKED_FIELDS =
      Set.of(SearchFields.BODY, SearchFields.SUMMARY, SearchFields.TITLE, SearchFields.WORDS);

  private static final Formatter FORMATTER = new Formatter();

  private static final PassageScores SCORER = new PassageScores();

  private static final Pattern IMAGES = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINKS = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MARKUP =
      Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+\\.)\\s+|[*_`~]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Analyzer analyzer;

  /** The fields of the reader last highlighted from, which every search of it shares. */
  private volatile ReaderFields lastFields;

  private record ReaderFields(IndexReader reader, FieldInfos fields) {}

  Highlights(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * For each of these documents of {@code searcher}: its title where {@code query} matches it (null
   * when it does not), and the best passage of the body, else of the summary, where it matches; the
   * summary's beginning, escaped, when neither does.
   */
  SearchHighlight[] highlights(IndexSearcher searcher, Query query, int[] docIds)
      throws IOException {
    SearchHighlight[] highlights = new SearchHighlight[docIds.length];
    if (docIds.length == 0) {
      return highlights;
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(FORMATTER)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(), FRAGMENT_CHARS, 0.3f))
            .withScorer(SCORER)
            .withMaxNoHighlightPassages(0)
            .withMaxLength(MAX_TEXT_CHARS)
            // Each word's offsets straight from its postings: matching the whole query again per
            // article and field (weight matches, phrases checked strictly) costs more than the
            // search itself. A phrase's words are so marked wherever they stand in the passage.
            .withWeightMatches(false)
            .withHighlightPhrasesStrictly(false)
            // A word of the query marks in every text field, whichever field the query asked it
            // in: a search matches its words in all the fields at once (SearchFields.WORDS), and a
            // phrase's words score only in the title and summary (see SearchQueries), yet both are
            // marked in the body's passage. Pairs are no words of a text and stay unmarked.
            .withFieldMatcher(MARKED_FIELDS::contains);
    IndexReader reader = searcher.getIndexReader();
    UnifiedHighlighter highlighter = new FromDocValues(builder, reader, fields(reader));
    // The title and the body of every article, then the summary only of those whose body has no
    // passage: most match in the body, so the summary is seldom looked at (each field of each
    // article costs a look-up of every query word in the field's terms and a read of its text).
    Map<String, String[]> titlesAndBodies =
        highlighter.highlightFields(TITLE_AND_BODY, query, docIds, ONE_EACH);
    String[] titles = titlesAndBodies.get(SearchFields.TITLE);
    String[] snippets = titlesAndBodies.get(SearchFields.BODY);
    int[] left = new int[docIds.length];
    int leftCount = 0;
    for (int i = 0; i < docIds.length; i++) {
      if (isBlank(snippets[i])) {
        left[leftCount++] = i;
      }
    }
    if (leftCount > 0) {
      int[] docs = new int[leftCount];
      for (int i = 0; i < leftCount; i++) {
        docs[i] = docIds[left[i]];
      }
      String[] summaries =
          highlighter.highlightFields(SUMMARY, query, docs, ONE).get(SearchFields.SUMMARY);
      for (int i = 0; i < leftCount; i++) {
        snippets[left[i]] = isBlank(summaries[i]) ? start(searcher, docIds[left[i]]) : summaries[i];
      }
    }
    for (int i = 0; i < docIds.length; i++) {
      highlights[i] =
          new SearchHighlight(isBlank(titles[i]) ? null : titles[i].strip(), snippets[i].strip());
    }
    return highlights;
  }

  /**
   * The fields of every segment of {@code reader}, merged once per reader rather than once per
   * search: the highlighter merges them on its first look at a field, and with a dozen segments
   * that was a fifteenth of a search.
   */
  private FieldInfos fields(IndexReader reader) {
    ReaderFields last = lastFields;
    if (last == null || last.reader() != reader) {
      last = new ReaderFields(reader, FieldInfos.getMergedFieldInfos(reader));
      lastFields = last;
    }
    return last.fields();
  }

  private static boolean isBlank(String passage) {
    return passage == null || passage.isBlank();
  }

  private static String start(IndexSearcher searcher, int docId) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    String summary = SearchFields.text(leaf.reader(), SearchFields.SUMMARY, docId - leaf.docBase);
    String start = summary == null ? "" : summary;
    return FORMATTER.escape(
        start.length() > FRAGMENT_CHARS ? start.substring(0, FRAGMENT_CHARS) : start);
  }

  /**
   * The highlighter, reading each field's text from its doc values ({@link SearchFields#addText}).
   */
  private static final class FromDocValues extends UnifiedHighlighter {

    private final IndexReader reader;

    FromDocValues(Builder builder, IndexReader reader, FieldInfos fields) {
      super(builder);
      this.reader = reader;
      this.fieldInfos = fields;
    }

    /** The title is marked as a whole, not cut into passages. */
    @Override
    protected BreakIterator getBreakIterator(String field) {
      return SearchFields.TITLE.equals(field)
          ? new WholeBreakIterator()
          : super.getBreakIterator(field);
    }

    /** Offsets from postings, each word looked up once per page ({@link PageOffsets}). */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS
          ? new PageOffsets(components)
          : super.getOffsetStrategy(source, components);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      List<CharSequence[]> values = new ArrayList<>();
      // One reader of each field's texts per segment, moved forward from article to article (they
      // come in increasing order): a reader per text allocated a buffer as long as the segment's
      // longest text (up to a whole body) and a slice of its file, for each field of each article.
      BinaryDocValues[] readers = new BinaryDocValues[fields.length];
      int readersLeaf = -1;
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        int leafIndex = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext leaf = leaves.get(leafIndex);
        int leafDoc = doc - leaf.docBase;
        CharSequence[] texts = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          if (leafIndex != readersLeaf || readers[i] == null || readers[i].docID() > leafDoc) {
            readers[i] = leaf.reader().getBinaryDocValues(fields[i]);
          }
          String text = SearchFields.text(readers[i], leafDoc);
          texts[i] =
              text == null
                  ? ""
                  : text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        }
        readersLeaf = leafIndex;
        values.add(texts);
      }
      return values;
    }
  }

  /**
   * Lucene's formatter: marks in {@code <mark>}, escapes the rest (and so escapes alike), as its
   * own escaping does but copying the text between two escapes in one go: Lucene appends one char
   * at a time, which was a fortieth of a search's time.
   */
  static final class Formatter extends DefaultPassageFormatter {
    Formatter() {
      super("<mark>", "</mark>", "… ", true);
    }

    String escape(String text) {
      StringBuilder escaped = new StringBuilder(text.length() + 16);
      append(escaped, text, 0, text.length());
      return escaped.toString();
    }

    @Override
    protected void append(StringBuilder dest, String content, int start, int end) {
      int plain = start;
      for (int i = start; i < end; i++) {
        String escaped = escaped(content.charAt(i));
        if (escaped != null) {
          dest.append(content, plain, i).append(escaped);
          plain = i + 1;
        }
      }
      dest.append(content, plain, end);
    }

    /** What Lucene's formatter writes for a char it escapes; null for one it copies. */
    private static String escaped(char c) {
      if (c > '>') {
        return null; // past every char escaped: letters, most of a text
      }
      return switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#x27;";
        case '/' -> "&#x2F;";
        default -> null;
      };
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
