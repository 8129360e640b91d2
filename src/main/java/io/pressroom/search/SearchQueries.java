package io.pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a reader types into a Lucene query, the way a search box is expected to work: every
 * word must match (in the title, summary or body, a title match weighing most); {@code "quoted
 * words"} must match as a phrase; {@code -word} must not match; the last word, while still being
 * typed (no space after it), also matches as a prefix ({@code kern} finds kernel); and when several
 * words are given, articles where they stand together as a phrase rank above those where they are
 * scattered. The last word is also a prefix (a search box trims what it sends, so whether it is
 * finished cannot be told) unless it is a word of the index already: a finished word is searched as
 * itself, cheaply, and only an unfinished one ({@code kern}) looks for the words it begins. Quoting
 * it makes it exact.
 */
final class SearchQueries {

  /** A prefix shorter than this would expand to too many words to be cheap (and useful). */
  static final int MIN_PREFIX = 3;

  private static final Pattern PARTS = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");
  private static final float PROXIMITY_BOOST = 2f;

  /**
   * The most words a prefix of a search stands for. They are scored like the words themselves (with
   * their document frequencies blended), so the best matches are found without visiting every
   * article that has one of them, and snippets mark them from the postings.
   */
  static final int PREFIX_EXPANSIONS = 64;

  /** Whether an analysed word is a term of the index. */
  interface Terms {
    boolean indexed(String term);

    Terms NONE = term -> false;
  }

  private final Analyzer analyzer;
  private final QueryBuilder builder;

  SearchQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
  }

  /** The query over every text field; empty when nothing searchable is left (only stop words). */
  Query articles(String text) {
    return articles(text, Terms.NONE);
  }

  /** As {@link #articles(String)}, the last word a prefix only when {@code terms} lacks it. */
  Query articles(String text, Terms terms) {
    return build(text, SearchFields.BOOSTS, MIN_PREFIX, terms).orElse(null);
  }

  /** The query over titles alone, for suggestions: the last word is a prefix from one letter. */
  Query titles(String text) {
    return build(text, Map.of(SearchFields.TITLE, 1f), 1, null).orElse(null);
  }

  /** {@code terms} null: the last word is always also a prefix, of constant score. */
  private Optional<Query> build(
      String text, Map<String, Float> fields, int minPrefix, Terms terms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<String> words = new ArrayList<>();
    boolean any = false;
    Matcher matcher = PARTS.matcher(text);
    String last = null;
    while (matcher.find()) {
      if (matcher.group(2) != null) {
        Query phrase =
            acrossFields(fields, field -> builder.createPhraseQuery(field, matcher.group(2)));
        if (phrase != null) {
          query.add(phrase, "-".equals(matcher.group(1)) ? Occur.MUST_NOT : Occur.MUST);
          any |= !"-".equals(matcher.group(1));
        }
        last = null;
        continue;
      }
      String word = matcher.group(3);
      if (word.startsWith("-") && word.length() > 1) {
        Query excluded =
            acrossFields(
                fields, field -> builder.createBooleanQuery(field, word.substring(1), Occur.MUST));
        if (excluded != null) {
          query.add(excluded, Occur.MUST_NOT);
        }
        last = null;
        continue;
      }
      words.add(word);
      last = word;
    }
    boolean typing = last != null;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean prefix = typing && i == words.size() - 1;
      Query clause = wordQuery(fields, word, prefix ? minPrefix : Integer.MAX_VALUE, terms);
      if (clause != null) {
        query.add(clause, Occur.MUST);
        any = true;
      }
    }
    if (words.size() > 1) {
      Query together =
          acrossFields(fields, field -> builder.createPhraseQuery(field, String.join(" ", words)));
      if (together != null) {
        query.add(new BoostQuery(together, PROXIMITY_BOOST), Occur.SHOULD);
      }
    }
    return any ? Optional.of(query.build()) : Optional.empty();
  }

  /** A word in any field; also as a prefix of a word when it is long enough. */
  private Query wordQuery(Map<String, Float> fields, String word, int minPrefix, Terms terms) {
    Query exact =
        acrossFields(fields, field -> builder.createBooleanQuery(field, word, Occur.MUST));
    String stem = prefixText(word);
    if (stem.length() < minPrefix || (terms != null && isIndexed(word, terms))) {
      return exact;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    if (exact != null) {
      either.add(exact, Occur.SHOULD);
    }
    for (Map.Entry<String, Float> field : fields.entrySet()) {
      Term start = new Term(field.getKey(), stem);
      PrefixQuery prefix =
          terms == null
              ? new PrefixQuery(start)
              : new PrefixQuery(
                  start, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
      either.add(new BoostQuery(prefix, field.getValue() * 0.5f), Occur.SHOULD);
    }
    return either.build();
  }

  /** Whether every word the analyser makes of {@code word} is in the index. */
  private boolean isIndexed(String word, Terms terms) {
    List<String> analysed = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(SearchFields.BODY, word)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        analysed.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return !analysed.isEmpty() && analysed.stream().allMatch(terms::indexed);
  }

  /** The word as the index spells the beginning of a term: lower case, letters and digits. */
  static String prefixText(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private interface PerField {
    Query of(String field);
  }

  private static Query acrossFields(Map<String, Float> fields, PerField perField) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean found = false;
    for (Map.Entry<String, Float> field : fields.entrySet()) {
      Query one = perField.of(field.getKey());
      if (one != null) {
        any.add(new BoostQuery(one, field.getValue()), Occur.SHOULD);
        found = true;
      }
    }
    return found ? any.build() : null;
  }

  Analyzer analyzer() {
    return analyzer;
  }
}
