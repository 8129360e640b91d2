package io.pressroom.article;

import io.pressroom.db.SqlBuilder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reader's search as PostgreSQL's full-text search reads it, when PostgreSQL answers searches (an
 * editor's search of unpublished articles; every search while the index is being built): the text
 * as {@code websearch_to_tsquery} takes it, but its last word, while still being typed, also stands
 * for the words it begins ({@code kern} finds kernel), as in the search index.
 *
 * <p>Only a last word of letters and digits (or such parts joined by hyphens, of which the last is
 * the one being typed) is a beginning: PostgreSQL keeps a host name, an address, a path or a number
 * with a point ({@code github.com}, {@code 3.14}) as one word, which must then be matched whole. A
 * last word quoted, excluded ({@code -word}), after {@code or} (which would join it to the word
 * before instead of to the whole) or shorter than {@link #MIN_PREFIX} is only itself. Unlike the
 * index, PostgreSQL does not tell whether the last word is finished, so it is always also a
 * beginning: {@code memory} finds memorial too, ranked as such words are.
 */
public record SearchText(String words, String beginning) {

  /** A beginning shorter than this would stand for too many words to be useful. */
  public static final int MIN_PREFIX = 3;

  /**
   * The tsquery of a search, {@code :q} and {@code :qBeginning} bound to {@link #words} and {@link
   * #beginning} ({@link #bind}); an empty side is left out. A subquery, so that PostgreSQL makes it
   * once a statement, not once a row where a generic plan holds it as an expression of parameters:
   * with a side empty or of stop words alone it also reports a notice each time it is made.
   */
  static final String TSQUERY =
      "(select websearch_to_tsquery('english', :q) && to_tsquery('english', :qBeginning))";

  private static final Pattern TYPED_WORD = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * {@code text} as PostgreSQL searches it. The beginning is letters and digits only, followed by
   * {@code :*}: nothing a reader types reaches {@code to_tsquery}'s own syntax.
   */
  public static SearchText of(String text) {
    String trimmed = text.strip();
    String[] tokens = WHITESPACE.split(trimmed);
    String last = tokens[tokens.length - 1];
    boolean insideQuotes = trimmed.chars().filter(c -> c == '"').count() % 2 == 1;
    boolean afterOr = tokens.length > 1 && tokens[tokens.length - 2].equalsIgnoreCase("or");
    if (insideQuotes || afterOr || !TYPED_WORD.matcher(last).matches()) {
      return new SearchText(trimmed, "");
    }
    String typed = last.substring(last.lastIndexOf('-') + 1);
    if (typed.length() < MIN_PREFIX) {
      return new SearchText(trimmed, "");
    }
    return new SearchText(
        trimmed.substring(0, trimmed.length() - typed.length()).strip(),
        typed.toLowerCase(Locale.ROOT) + ":*");
  }

  /** Binds {@link #TSQUERY}'s parameters in {@code sql}. */
  void bind(SqlBuilder sql) {
    sql.bind("q", words).bind("qBeginning", beginning);
  }
}
