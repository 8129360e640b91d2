package io.pressroom.text;

/**
 * The characters a request may carry in its text: path segments, query parameters and JSON string
 * values. NUL is refused because PostgreSQL cannot store it; the other C0 control characters
 * (except tab, line feed and carriage return) because no Pressroom text has a use for them and XML
 * feeds cannot carry them; unpaired surrogates because they are not text at all and would be stored
 * as '?'. Everything else, DEL and the C1 controls included, is accepted.
 */
public final class SafeText {

  /** What the problem says about a field or parameter that breaks the rule. */
  public static final String MESSAGE =
      "must not contain control characters other than tab, line feed and carriage return";

  private SafeText() {}

  public static boolean isSafe(String text) {
    return text == null || firstUnsafe(text) < 0;
  }

  /** The index of the first character the rule refuses, or -1. */
  static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
