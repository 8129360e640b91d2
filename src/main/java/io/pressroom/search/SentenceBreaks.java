package io.pressroom.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by a plain scan of the text: a boundary is where a word
 * starts after a sentence's end ({@code .}, {@code !} or {@code ?}, maybe with closing quotes or
 * brackets) and white space. The JDK's rule-based sentence iterator, which snippets used before,
 * was the largest single cost of a search (each match of a long body asks for the sentence around
 * it, and its {@code preceding} re-runs its rules from far back); for the plain text of an article
 * body the two cut alike except around abbreviations ("e.g. this"), where a snippet may start a
 * sentence early. A line break also ends a sentence (list items, headings), and so do the CJK full
 * stops {@code 。！？}, which no space follows. A text that runs on without any of these (a long list
 * without full stops, a code block) is cut at a word start at most {@value #LONGEST_SENTENCE}
 * characters away, so that a snippet never grows to the rest of the body. Not thread-safe, like
 * every break iterator: the highlighter makes one per use.
 */
final class SentenceBreaks extends BreakIterator {

  /** The longest stretch without a boundary: past it, the nearest word start is one. */
  static final int LONGEST_SENTENCE = 400;

  /**
   * The first character past {@code ' '} that {@link Character#isWhitespace} holds for (OGHAM SPACE
   * MARK); the CJK full stops come later still.
   */
  private static final char FIRST_WIDE_SPACE = '\u1680';

  private String text = "";
  private int current;

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      copy.append(c);
    }
    setText(copy.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int first() {
    return current = 0;
  }

  @Override
  public int last() {
    return current = text.length();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int next() {
    if (current >= text.length()) {
      return DONE;
    }
    return current = after(current);
  }

  @Override
  public int next(int n) {
    int at = current;
    for (int i = 0; i < n; i++) {
      at = next();
      if (at == DONE) {
        return DONE;
      }
    }
    for (int i = 0; i > n; i--) {
      at = previous();
      if (at == DONE) {
        return DONE;
      }
    }
    return at;
  }

  @Override
  public int previous() {
    if (current <= 0) {
      return DONE;
    }
    return current = before(current);
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    return current = after(offset);
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    return current = before(offset);
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    current = offset;
    return boundary(offset);
  }

  @Override
  public Object clone() {
    SentenceBreaks copy = new SentenceBreaks();
    copy.text = text;
    copy.current = current;
    return copy;
  }

  /**
   * The first boundary after {@code offset}, else the first word start {@value #LONGEST_SENTENCE}
   * characters on, else the text's end.
   */
  private int after(int offset) {
    int limit = Math.min(text.length(), offset + LONGEST_SENTENCE);
    for (int at = offset + 1; at < limit; at++) {
      if (boundary(at)) {
        return at;
      }
    }
    for (int at = limit; at < text.length(); at++) {
      if (wordStart(at)) {
        return at;
      }
    }
    return text.length();
  }

  /**
   * The last boundary before {@code offset}, else the last word start {@value #LONGEST_SENTENCE}
   * characters back, else the text's start.
   */
  private int before(int offset) {
    int from = Math.min(offset, text.length()) - 1;
    int limit = Math.max(0, from - LONGEST_SENTENCE);
    for (int at = from; at > limit; at--) {
      if (boundary(at)) {
        return at;
      }
    }
    for (int at = limit; at > 0; at--) {
      if (wordStart(at)) {
        return at;
      }
    }
    return 0;
  }

  private boolean wordStart(int at) {
    return !Character.isWhitespace(text.charAt(at)) && Character.isWhitespace(text.charAt(at - 1));
  }

  private boolean boundary(int at) {
    if (at <= 0 || at >= text.length()) {
      return true;
    }
    char previous = text.charAt(at - 1);
    if (previous > ' ' && previous < FIRST_WIDE_SPACE) {
      // Neither white space nor a CJK full stop: the answer for most characters of a text, found
      // without asking Character.isWhitespace twice (snippets scan hundreds of them per match).
      return false;
    }
    if (Character.isWhitespace(text.charAt(at))) {
      return false;
    }
    if (isCjkTerminator(text.charAt(at - 1))) {
      return !isClosing(text.charAt(at));
    }
    if (!Character.isWhitespace(text.charAt(at - 1))) {
      return false;
    }
    int end = at - 1;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    for (int space = end; space < at; space++) {
      if (text.charAt(space) == '\n') {
        return true;
      }
    }
    while (end > 0 && isClosing(text.charAt(end - 1))) {
      end--;
    }
    return end > 0 && isTerminator(text.charAt(end - 1));
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean isCjkTerminator(char c) {
    return c == '。' || c == '！' || c == '？';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’';
  }

  private void check(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " outside the text");
    }
  }
}
