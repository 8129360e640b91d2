package io.pressroom.db;

import java.util.Locale;

/** LIKE patterns built from user text, whose own {@code %}, {@code _} and {@code \} are literal. */
public final class Likes {

  private Likes() {}

  /** Matches text that begins with {@code prefix}, case-folded to lower case. */
  public static String prefixPattern(String prefix) {
    String folded = prefix.toLowerCase(Locale.ROOT);
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
