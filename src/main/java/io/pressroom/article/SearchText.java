package io.pressroom.article;

import io.pressroom.db.SqlBuilder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's search as PostgreSQL's full-text search reads it, when PostgreSQL answers searches (an
 * editor's search of unpublished articles; every search while the index is being built): the text
 * as {@code websearch_to_tsquery} takes it, but its last word, while still being typed, also stands
 * for the words it begins ({@code kern} finds kernel), as in the search index. A last word quoted,
 * excluded ({@code -word}) or shorter than {@link #MIN_PREFIX} is only itself.
 *
 * <p>Unlike the index, PostgreSQL does not tell whether the last word is finished, so it is always
 * also a beginning: {@code memory} finds memorial too, ranked as such words are.
 */
public record SearchText(String words, String beginning) {

  /** A beginning shorter than this would stand for too many words to be useful. */
  public static final int MIN_PREFIX = 3;

  /**
   * The tsquery of a search: {@code :q} and {@code :qBeginning} bound to {@link #words} and {@link
   * #beginning} ({@link #bind}). An empty side (no beginning, or no other word) is left out.
   */
  static final String TSQUERY =
      "(websearch_to_tsquery('english', :q) && to_tsquery('english', :qBeginning))";

  /** The last word's letters and digits, at the end of the text. */
  private static final Pattern LAST_WORD = Pattern.compile("[\\p{L}\\p{N}]+$");

  /**
   * {@code text} as PostgreSQL searches it. The beginning is letters and digits only, followed by
   * {@code :*}: nothing a reader types reaches {@code to_tsquery}'s own syntax.
   */
  public static SearchText of(String text) {
    String trimmed = text.strip();
    int lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
    String last = trimmed.substring(lastSpace + 1);
    boolean insideQuotes = trimmed.chars().filter(c -> c == '"').count() % 2 == 1;
    if (insideQuotes || last.startsWith("-") || last.startsWith("\"") || last.endsWith("\"")) {
      return new SearchText(text, "");
    }
    Matcher word = LAST_WORD.matcher(trimmed);
    if (!word.find() || word.group().length() < MIN_PREFIX) {
      return new SearchText(text, "");
    }
    return new SearchText(
        trimmed.substring(0, word.start()), word.group().toLowerCase(Locale.ROOT) + ":*");
  }

  /** Binds {@link #TSQUERY}'s parameters in {@code sql}. */
  void bind(SqlBuilder sql) {
    sql.bind("q", words).bind("qBeginning", beginning);
  }
}
