package io.pressroom.feed;

/** Text that XML 1.0 can carry: the characters it forbids (most control characters) dropped. */
final class XmlText {

  private XmlText() {}

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (!allowed(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
