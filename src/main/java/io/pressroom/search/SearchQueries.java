package io.pressroom.search;

import io.pressroom.article.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a reader types into a Lucene query, the way a search box is expected to work: every
 * word must match (in the title, summary or body, a title match weighing most); {@code "quoted
 * words"} must match as a phrase; {@code -word} must not match; the last word, while still being
 * typed (no space after it), also matches as a prefix ({@code kern} finds kernel); and when several
 * words are given, articles where they stand together as a phrase rank above those where they are
 * scattered (by pairs of adjacent words, see {@link SearchFields#PAIRS}). The last word is also a
 * prefix (a search box trims what it sends, so whether it is finished cannot be told) unless it is
 * a word of the index already: a finished word is searched as itself, cheaply, and only an
 * unfinished one ({@code kern}) looks for the words it begins. Quoting it makes it exact.
 */
final class SearchQueries {

  /**
   * A prefix shorter than this would expand to too many words to be cheap (and useful); the same
   * bound as PostgreSQL's searches ({@link SearchText}).
   */
  static final int MIN_PREFIX = SearchText.MIN_PREFIX;

  private static final Pattern PARTS = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");

  /** Compiled once: {@link #prefixText} runs for every suggestion and search word. */
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

  private static final float PROXIMITY_BOOST = 2f;

  /**
   * The pairs of the text fields but the body, with those fields' boosts: where a two-word phrase
   * ranks above the body.
   */
  private static final Map<String, Float> PAIRS_BESIDE_BODY =
      Map.of(
          SearchFields.TITLE_PAIRS,
          SearchFields.BOOSTS.get(SearchFields.TITLE),
          SearchFields.SUMMARY_PAIRS,
          SearchFields.BOOSTS.get(SearchFields.SUMMARY));

  /**
   * What a word the last one only begins weighs, against the field's weight: suggestions rank the
   * titles it alone matches on this (all alike, so newest first).
   */
  static final float PREFIX_WEIGHT = 0.5f;

  /**
   * The most words a prefix of a search stands for. They are scored like the words themselves (with
   * their document frequencies blended), so the best matches are found without visiting every
   * article that has one of them, and snippets mark them from the postings.
   */
  static final int PREFIX_EXPANSIONS = 64;

  /** What the index has of the words a query names. */
  interface Terms {
    /** Whether an analysed word is a term of the index. */
    boolean indexed(String term);

    /**
     * Whether some term of the index begins with {@code beginning} (as {@link #prefixText} spells
     * it); so supposed unless the index is asked.
     */
    default boolean begun(String beginning) {
      return true;
    }

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

  /**
   * As {@link #articles(String)}, the last word a prefix only when {@code terms} lacks it, and of
   * the words it is on the way to when it begins none of them ({@link #beginning}).
   */
  Query articles(String text, Terms terms) {
    return build(text, SearchFields.BOOSTS, MIN_PREFIX, terms, typed -> beginning(typed, terms))
        .orElse(null);
  }

  /**
   * What the word {@code typed} (as {@link #prefixText} spells it), still being typed, begins in
   * {@code terms}: itself, but for a word typed past the stem the index keeps of it ({@code
   * securit}, of which the index has {@code secur}): that stem ({@link UnfinishedWords}).
   */
  String beginning(String typed, Terms terms) {
    if (typed.length() < MIN_PREFIX || terms.begun(typed)) {
      return typed;
    }
    return UnfinishedWords.stem(analyzer, typed, terms::indexed).orElse(typed);
  }

  /**
   * What snippets mark for a search of {@code text} ({@code searched}, its query as searched): its
   * words, and the words of its phrases ({@link #phraseWords}).
   */
  Query marked(Query searched, String text) {
    Query phraseWords = phraseWords(text);
    return phraseWords == null
        ? searched
        : new BooleanQuery.Builder()
            .add(searched, Occur.SHOULD)
            .add(phraseWords, Occur.SHOULD)
            .build();
  }

  /**
   * The words of the quoted phrases of {@code text} that a search asks for, as title terms, for
   * snippets to mark (they mark a query's words in every text field, see {@link Highlights}): a
   * two-word phrase is searched as a pair, which names no word of a text. Null when there are none.
   */
  Query phraseWords(String text) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    boolean any = false;
    Matcher matcher = PARTS.matcher(text);
    while (matcher.find()) {
      if (matcher.group(2) != null && !"-".equals(matcher.group(1))) {
        for (String word : terms(SearchFields.TITLE, matcher.group(2))) {
          words.add(new TermQuery(new Term(SearchFields.TITLE, word)), Occur.SHOULD);
          any = true;
        }
      }
    }
    return any ? words.build() : null;
  }

  /** The query over titles alone, for suggestions: the last word is a prefix from one letter. */
  Query titles(String text) {
    return titles(text, Terms.NONE);
  }

  /**
   * As {@link #titles(String)}, the last word beginning what {@link #beginning} says in {@code
   * titleWords} (the title's words and beginnings).
   */
  Query titles(String text, Terms titleWords) {
    return build(
            text, Map.of(SearchFields.TITLE, 1f), 1, null, typed -> beginning(typed, titleWords))
        .orElse(null);
  }

  /**
   * {@code terms} null: the last word is always also a prefix of a title word, of constant score
   * (one term of {@link SearchFields#TITLE_BEGINNINGS}). Only a search of every text field uses
   * {@link SearchFields#PAIRS} (which holds the pairs of all of them); suggestions, over titles
   * alone, check phrases by positions.
   */
  private Optional<Query> build(
      String text,
      Map<String, Float> fields,
      int minPrefix,
      Terms terms,
      UnaryOperator<String> beginning) {
    boolean withPairs = fields.equals(SearchFields.BOOSTS);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<String> words = new ArrayList<>();
    boolean any = false;
    Matcher matcher = PARTS.matcher(text);
    String last = null;
    while (matcher.find()) {
      if (matcher.group(2) != null) {
        String quoted = matcher.group(2);
        Query phrase =
            withPairs
                ? phrase(fields, quoted)
                : acrossFields(fields, field -> builder.createPhraseQuery(field, quoted));
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
            withPairs
                ? builder.createBooleanQuery(SearchFields.WORDS, word.substring(1), Occur.MUST)
                : acrossFields(
                    fields,
                    field -> builder.createBooleanQuery(field, word.substring(1), Occur.MUST));
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
    if (typing && isPrefix(last, minPrefix, terms)) {
      // A word of several parts still being typed (open-sour): the parts before the last are
      // whole words, and only the last one is what the reader is still typing.
      int lastPart = lastPartStart(last);
      if (lastPart > 0) {
        words.set(words.size() - 1, last.substring(0, lastPart));
        words.add(last.substring(lastPart));
      }
    }
    // What the last word begins while it is being typed; null when it is only itself.
    String begun = null;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean lastIsPrefix = typing && i == words.size() - 1 && isPrefix(word, minPrefix, terms);
      begun = lastIsPrefix ? beginning.apply(prefixText(word)) : null;
      if (withPairs) {
        Query[] matchAndTitle = articleWord(word, begun);
        if (matchAndTitle != null) {
          addArticleWord(query, matchAndTitle, words.size() == 1);
          any = true;
        }
        continue;
      }
      Query clause = wordQuery(fields, word, begun, terms);
      if (clause != null) {
        query.add(clause, Occur.MUST);
        any = true;
      }
    }
    if (words.size() > 1) {
      Query together =
          withPairs
              ? together(words, begun)
              : acrossFields(
                  fields, field -> builder.createPhraseQuery(field, String.join(" ", words)));
      if (together != null) {
        query.add(new BoostQuery(together, PROXIMITY_BOOST), Occur.SHOULD);
      }
    }
    return any ? Optional.of(query.build()) : Optional.empty();
  }

  /**
   * A quoted phrase. Of two words it is their pair, one term (exact: a pair is only made of
   * adjacent words of one field); the same pair in the title's and in the summary's own pairs only
   * scores, so that a phrase in the title outranks one in the body (one short postings list each;
   * scoring both words in the title and summary of every article with the pair took most of a
   * phrase search at 1,000,000 articles). The snippets mark the phrase's words ({@link
   * #phraseWords}). A longer one needs all its pairs and still its positions (pairs that are all
   * present may stand apart): the pairs, rare, lead the conjunction, and positions are read only
   * for the articles that have every pair. One word is just that word.
   */
  private Query phrase(Map<String, Float> fields, String quoted) {
    List<String> pairs = pairs(quoted);
    if (pairs.isEmpty()) {
      return acrossFields(fields, field -> builder.createPhraseQuery(field, quoted));
    }
    BooleanQuery.Builder phrase = new BooleanQuery.Builder();
    for (String pair : pairs) {
      phrase.add(pairQuery(pair), Occur.MUST);
    }
    if (pairs.size() == 1) {
      phrase.add(
          acrossFields(PAIRS_BESIDE_BODY, field -> new TermQuery(new Term(field, pairs.get(0)))),
          Occur.SHOULD);
    } else {
      phrase.add(
          acrossFields(fields, field -> builder.createPhraseQuery(field, quoted)), Occur.MUST);
    }
    return phrase.build();
  }

  /**
   * "Words together rank higher": each pair of the words that stand together in an article adds to
   * its score. A last word still being typed pairs as the prefix it {@code begun} ({@code memory
   * kern} also rewards {@code "memori kernel"}); null when it is a word.
   */
  private Query together(List<String> words, String begun) {
    List<String> pairs = pairs(String.join(" ", words));
    Query typed = null;
    if (begun != null) {
      List<String> analysed = analysed(words.get(words.size() - 1));
      if (!pairs.isEmpty()
          && analysed.size() == 1
          && pairs.get(pairs.size() - 1).endsWith(" " + analysed.get(0))) {
        String before = pairs.remove(pairs.size() - 1);
        before = before.substring(0, before.indexOf(' '));
        typed =
            new PrefixQuery(
                new Term(SearchFields.PAIRS, before + " " + begun),
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
      }
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    pairs.forEach(pair -> any.add(pairQuery(pair), Occur.SHOULD));
    if (typed != null) {
      any.add(typed, Occur.SHOULD);
    }
    BooleanQuery built = any.build();
    return built.clauses().isEmpty() ? null : built;
  }

  private static Query pairQuery(String pair) {
    return new TermQuery(new Term(SearchFields.PAIRS, pair));
  }

  /**
   * The pairs of {@code text} as the index has them, in order, but those that only say that a stop
   * word stands before the first word or after the last ({@code the memory} asks for memory, not
   * for a stop word before it). A stop word between two words remains in the pairs as the {@link
   * SearchFields#FILLER}: {@code memory of allocators} needs {@code "memori _"} and {@code "_
   * alloc"}, as the index has them for any stop words between the two.
   */
  List<String> pairs(String text) {
    List<String> pairs = terms(SearchFields.PAIRS, text);
    if (!pairs.isEmpty() && pairs.get(0).startsWith(SearchFields.FILLER + " ")) {
      pairs.remove(0);
    }
    if (!pairs.isEmpty() && pairs.get(pairs.size() - 1).endsWith(" " + SearchFields.FILLER)) {
      pairs.remove(pairs.size() - 1);
    }
    return pairs;
  }

  /**
   * A word of an article search, as two clauses: where it matches ({@link SearchFields#WORDS},
   * scored as BM25F over the title, summary and body, one postings list), and what it adds when it
   * is in the title (boosted by the title's weight, so that a title match ranks above a body-only
   * one however often the body repeats the word: a word's score in one field stays below its
   * rarity, and the title's part is four times a title match's). Also as a prefix of the words it
   * begin with {@code begun} (null: the word only). Null when the word is a stop word alone.
   */
  private Query[] articleWord(String word, String begun) {
    Query match = builder.createBooleanQuery(SearchFields.WORDS, word, Occur.MUST);
    Query title = builder.createBooleanQuery(SearchFields.TITLE, word, Occur.MUST);
    if (begun != null) {
      match = orBeginning(match, SearchFields.WORDS, begun);
      title = orBeginning(title, SearchFields.TITLE, begun);
    }
    if (match == null) {
      return null;
    }
    return new Query[] {match, new BoostQuery(title, SearchFields.BOOSTS.get(SearchFields.TITLE))};
  }

  /**
   * Adds a word's two clauses ({@link #articleWord}). The title's words are among {@link
   * SearchFields#WORDS}, so "match or title" matches just the articles with the word, scored as
   * "match, and title if there": a word {@code alone} is written as that disjunction, which Lucene
   * ranks fastest (skipping whole blocks of postings that cannot reach the page). Among several
   * words, their postings are best intersected alone, each title only adding: a conjunction of the
   * words' disjunctions took 2.3 times as long.
   */
  private static void addArticleWord(
      BooleanQuery.Builder query, Query[] matchAndTitle, boolean alone) {
    if (alone) {
      query.add(
          new BooleanQuery.Builder()
              .add(matchAndTitle[0], Occur.SHOULD)
              .add(matchAndTitle[1], Occur.SHOULD)
              .build(),
          Occur.MUST);
    } else {
      query.add(matchAndTitle[0], Occur.MUST);
      query.add(matchAndTitle[1], Occur.SHOULD);
    }
  }

  /** {@code exact}, or a word of {@code field} that {@code begun} begins, weighing less. */
  private static Query orBeginning(Query exact, String field, String begun) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    if (exact != null) {
      either.add(exact, Occur.SHOULD);
    }
    Query begins =
        new PrefixQuery(
            new Term(field, begun),
            new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
    either.add(new BoostQuery(begins, PREFIX_WEIGHT), Occur.SHOULD);
    return either.build();
  }

  /** A word in any field; also the words that begin with {@code begun} unless it is null. */
  private Query wordQuery(Map<String, Float> fields, String word, String begun, Terms terms) {
    Query exact =
        acrossFields(fields, field -> builder.createBooleanQuery(field, word, Occur.MUST));
    if (begun == null) {
      return exact;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    if (exact != null) {
      either.add(exact, Occur.SHOULD);
    }
    for (Map.Entry<String, Float> field : fields.entrySet()) {
      Term start = new Term(field.getKey(), begun);
      Query begins =
          terms == null
              ? titleBeginning(begun)
              : new PrefixQuery(
                  start, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
      either.add(new BoostQuery(begins, field.getValue() * PREFIX_WEIGHT), Occur.SHOULD);
    }
    return either.build();
  }

  /**
   * The articles with a title word that begins with {@code stem}, of constant score, as a prefix of
   * the title's words would find them, but one term ({@link SearchFields#TITLE_BEGINNINGS}).
   */
  static Query titleBeginning(String stem) {
    return new ConstantScoreQuery(new TermQuery(new Term(SearchFields.TITLE_BEGINNINGS, stem)));
  }

  /** Whether {@code word} also stands for the words it begins. */
  private boolean isPrefix(String word, int minPrefix, Terms terms) {
    return prefixText(word).length() >= minPrefix && (terms == null || !isIndexed(word, terms));
  }

  /** Whether every word the analyser makes of {@code word} is in the index. */
  private boolean isIndexed(String word, Terms terms) {
    List<String> analysed = analysed(word);
    return !analysed.isEmpty() && analysed.stream().allMatch(terms::indexed);
  }

  private List<String> analysed(String word) {
    return terms(SearchFields.BODY, word);
  }

  /**
   * Where in {@code word} the last of the terms the analysis makes of it begins, when it makes
   * several ({@code open-sour}: 5); 0 when it makes one or none.
   */
  private int lastPartStart(String word) {
    int terms = 0;
    int lastStart = 0;
    try (TokenStream tokens = analyzer.tokenStream(SearchFields.BODY, word)) {
      OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms++;
        lastStart = offsets.startOffset();
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms > 1 ? lastStart : 0;
  }

  /** The terms the analysis of {@code field} makes of {@code text}, in order. */
  private List<String> terms(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The word as the index spells the beginning of a term: lower case, letters and digits. */
  static String prefixText(String word) {
    return NOT_LETTER_OR_DIGIT.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
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
