package io.pressroom.search;

import java.security.SecureRandom;

/** Words for search tests that no other test uses. */
final class UnusedWords {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "bcdfghjkmnpqrtvwz";

  private UnusedWords() {}

  /**
   * {@code start} and eight random consonants: a word no other test uses, which the English
   * analyser keeps as it is.
   */
  static String starting(String start) {
    StringBuilder word = new StringBuilder(start);
    for (int i = 0; i < 8; i++) {
      word.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return word.toString();
  }
}
