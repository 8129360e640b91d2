package io.pressroom.text;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly identifiers made from titles and names. */
public final class Slugs {

  private Slugs() {}

  /** "Rust enters the Linux kernel!" becomes "rust-enters-the-linux-kernel". */
  public static String slugify(String text, int maxLength) {
    String ascii =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("+", " plus ")
            .replace("#", " sharp ")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > maxLength) {
      ascii = ascii.substring(0, maxLength).replaceAll("-+$", "");
    }
    return ascii;
  }
}
