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
 * sentence early. Not thread-safe, like every break iterator: the highlighter makes one per use.
 */
final class SentenceBreaks extends BreakIterator {

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

  /** The first boundary after {@code offset} (the text's end when no sentence ends before). */
  private int after(int offset) {
    for (int at = offset + 1; at < text.length(); at++) {
      if (boundary(at)) {
        return at;
      }
    }
    return text.length();
  }

  /** The last boundary before {@code offset} (the text's start when none). */
  private int before(int offset) {
    for (int at = Math.min(offset, text.length()) - 1; at > 0; at--) {
      if (boundary(at)) {
        return at;
      }
    }
    return 0;
  }

  private boolean boundary(int at) {
    if (at <= 0 || at >= text.length()) {
      return true;
    }
    if (Character.isWhitespace(text.charAt(at)) || !Character.isWhitespace(text.charAt(at - 1))) {
      return false;
    }
    int end = at - 1;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    while (end > 0 && isClosing(text.charAt(end - 1))) {
      end--;
    }
    return end > 0 && isTerminator(text.charAt(end - 1));
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?';
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
