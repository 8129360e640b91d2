package io.pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The word a reader is on the way to when what they typed has gone past the part of it the index
 * keeps. The index keeps words by their stems ({@code security} as {@code secur}, {@code
 * application} as {@code applic}), so {@code securit} or {@code applicat} begins no word of it,
 * although the reader is plainly typing "security" or "application": a search box that finds {@code
 * secur} and {@code security} but nothing in between loses its results while the reader types. What
 * was typed is completed with the common endings of English words it could be on the way to ({@code
 * securit} + {@code y}), and each completion is analysed as the index analyses text: a completion
 * whose stem the index has names the word. The analysis decides, not the list: an ending that does
 * not fit gives a stem the index lacks, or none that the typed word goes past ({@code carpet} is
 * not on its way to {@code car}).
 */
final class UnfinishedWords {

  /**
   * Endings of English words that the stemmer (Porter's) takes off, whole or in part: what was
   * typed may end in the first letters of one ({@code applicat} in those of {@code ation}).
   */
  static final List<String> ENDINGS =
      List.of(
          "ation",
          "ations",
          "ational",
          "ator",
          "ators",
          "ity",
          "ities",
          "ance",
          "ances",
          "ence",
          "ences",
          "ency",
          "ancy",
          "ment",
          "ments",
          "ing",
          "ings",
          "ed",
          "er",
          "ers",
          "ive",
          "ives",
          "ively",
          "ize",
          "izes",
          "ized",
          "izing",
          "ization",
          "izations",
          "ise",
          "ised",
          "ising",
          "isation",
          "al",
          "ally",
          "ous",
          "ously",
          "ness",
          "able",
          "ably",
          "ible",
          "ibly",
          "ism",
          "isms",
          "ist",
          "ists",
          "ic",
          "ics",
          "ical",
          "ically",
          "ful",
          "fully",
          "ent",
          "ents",
          "ant",
          "ants",
          "ion",
          "ions",
          "ly",
          "ies",
          "es",
          "ure",
          "ures",
          "age",
          "ages");

  private UnfinishedWords() {}

  /**
   * The stem of the word {@code typed} (lower case, as {@link SearchQueries#prefixText} spells it)
   * is on its way to, where the index has it ({@code indexed}) and {@code typed} goes past it: the
   * longest such, when endings lead to several. Empty when no ending leads to one.
   */
  static Optional<String> stem(Analyzer analyzer, String typed, Predicate<String> indexed) {
    String best = null;
    for (String ending : ENDINGS) {
      for (int typedPart = ending.length() - 1; typedPart > 0; typedPart--) {
        if (!typed.endsWith(ending.substring(0, typedPart))) {
          continue;
        }
        String stem = onlyTerm(analyzer, typed + ending.substring(typedPart));
        if (stem != null
            && stem.length() < typed.length()
            && typed.startsWith(stem.substring(0, stem.length() - 1))
            && (best == null || stem.length() > best.length())
            && indexed.test(stem)) {
          best = stem;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The one term the analysis of the body makes of {@code word}; null for none or several. */
  static String onlyTerm(Analyzer analyzer, String word) {
    try (TokenStream tokens = analyzer.tokenStream(SearchFields.BODY, word)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      String only = tokens.incrementToken() ? term.toString() : null;
      if (only != null && tokens.incrementToken()) {
        only = null;
      }
      tokens.end();
      return only;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
