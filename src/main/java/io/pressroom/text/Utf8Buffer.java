package io.pressroom.text;

import java.util.Arrays;

/**
 * Bytes written as UTF-8 as they come, for responses written by hand (the Atom writer, listings
 * from their kept JSON): a feed of fifty bodies went through a StringBuilder (which one non-Latin-1
 * character, the em dash of every title, widens to two bytes a character) and was then encoded
 * whole, character by character. Lone surrogates become {@code ?}, as {@code
 * String.getBytes(UTF_8)} writes them.
 */
public final class Utf8Buffer {

  private byte[] bytes;
  private int size;

  public Utf8Buffer(int capacity) {
    bytes = new byte[capacity];
  }

  /** Room for {@code more} bytes; at most three bytes are written for one char. */
  private void reserve(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  public Utf8Buffer append(String text) {
    return append(text, 0, text.length());
  }

  /**
   * The chars from {@code start} to {@code end} as UTF-8. Runs of ASCII, most of any text here, are
   * found first and then copied in one go (an array copy when the String is Latin-1 inside) instead
   * of one char and one store at a time.
   */
  public Utf8Buffer append(String text, int start, int end) {
    reserve((end - start) * 3);
    int i = start;
    while (i < end) {
      int run = i;
      while (i < end && text.charAt(i) < 0x80) {
        i++;
      }
      if (i > run) {
        asciiRun(text, run, i);
      }
      if (i == end) {
        break;
      }
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        codePoint(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        put(c);
      }
      i++;
    }
    return this;
  }

  /**
   * The chars from {@code start} to {@code end}, which the caller knows to be ASCII (it has looked
   * at each already), copied in bulk without looking at them again.
   */
  public Utf8Buffer ascii(String text, int start, int end) {
    reserve(end - start);
    asciiRun(text, start, end);
    return this;
  }

  /**
   * Chars known to be ASCII, copied in bulk; the caller has reserved room. The deprecated {@code
   * getBytes} keeps the low byte of each char, which for ASCII is its UTF-8.
   */
  @SuppressWarnings("deprecation")
  private void asciiRun(String text, int start, int end) {
    text.getBytes(start, end, bytes, size);
    size += end - start;
  }

  public Utf8Buffer append(char c) {
    reserve(3);
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else {
      put(c);
    }
    return this;
  }

  /** Bytes that are UTF-8 already, as they are. */
  public Utf8Buffer raw(byte[] utf8) {
    return raw(utf8, 0, utf8.length);
  }

  /** A range of bytes that are UTF-8 already, as they are. */
  public Utf8Buffer raw(byte[] utf8, int start, int end) {
    reserve(end - start);
    System.arraycopy(utf8, start, bytes, size, end - start);
    size += end - start;
    return this;
  }

  /** A char of the Basic Multilingual Plane beyond ASCII; the caller has reserved room. */
  private void put(char c) {
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

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
