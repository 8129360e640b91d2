package io.pressroom.feed;

import java.util.Arrays;

/**
 * Bytes written as UTF-8 as they come, for {@link AtomWriter}: a feed of fifty bodies went through
 * a StringBuilder (which one non-Latin-1 character, the em dash of every title, widens to two bytes
 * a character) and was then encoded whole, character by character. Lone surrogates become {@code
 * ?}, as {@code String.getBytes(UTF_8)} writes them.
 */
final class Utf8Buffer {

  private byte[] bytes;
  private int size;

  Utf8Buffer(int capacity) {
    bytes = new byte[capacity];
  }

  /** Room for {@code more} bytes; at most three bytes are written for one char. */
  void reserve(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  Utf8Buffer append(String text) {
    return append(text, 0, text.length());
  }

  Utf8Buffer append(String text, int start, int end) {
    reserve((end - start) * 3);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        codePoint(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        put(c);
      }
    }
    return this;
  }

  Utf8Buffer append(char c) {
    reserve(3);
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else {
      put(c);
    }
    return this;
  }

  /** An ASCII character; the caller has reserved room. */
  void ascii(char c) {
    bytes[size++] = (byte) c;
  }

  /** A char of the Basic Multilingual Plane beyond ASCII; the caller has reserved room. */
  void put(char c) {
    if (Character.isSurrogate(c)) {
      bytes[size++] = '?';
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    } else {
      bytes[size++] = (byte) (0xE0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void codePoint(int c) {
    reserve(4);
    bytes[size++] = (byte) (0xF0 | (c >> 18));
    bytes[size++] = (byte) (0x80 | ((c >> 12) & 0x3F));
    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    bytes[size++] = (byte) (0x80 | (c & 0x3F));
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
