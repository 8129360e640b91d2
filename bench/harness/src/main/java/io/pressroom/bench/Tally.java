package io.pressroom.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts targets met, per category, and what was missed: one tally for the run as deployed and one
 * for the pass with the response cache off.
 */
final class Tally {

  enum Category {
    RATIO("req/s vs nginx (hot ≥ 30%, signed in ≥ 20%, database and misses ≥ 5%)"),
    WRITES("write mix ≥ 800 req/s"),
    P99("p99 under its limit (50 ms; suggestions 20; writes 100)"),
    SQL("≤ 3 SQL/request"),
    CURSOR("deep/first page ≤ 1.5×"),
    RSS("RSS < 512 MB");

    final String what;

    Category(String what) {
      this.what = what;
    }
  }

  /** SQL statements per request, at most. */
  static final double SQL_LIMIT = 3;

  /** The deep page's median on cache misses, at most this many times the first page's. */
  static final double CURSOR_LIMIT = 1.5;

  /** The app's peak RSS must stay under this, in MB. */
  static final long RSS_LIMIT_MB = 512;

  private final Map<Category, Integer> total = new EnumMap<>(Category.class);
  private final Map<Category, Integer> met = new EnumMap<>(Category.class);
  private final Map<Category, List<String>> missed = new EnumMap<>(Category.class);

  /** Counts one target; {@code what} names it in the summary when missed. Returns {@code met}. */
  boolean target(Category category, String what, boolean isMet) {
    total.merge(category, 1, Integer::sum);
    if (isMet) {
      met.merge(category, 1, Integer::sum);
    } else {
      missed.computeIfAbsent(category, c -> new ArrayList<>()).add(what);
    }
    return isMet;
  }

  int met() {
    return met.values().stream().mapToInt(Integer::intValue).sum();
  }

  int total() {
    return total.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** "N of M targets met: p99 < 50 ms 7/7; ... (missed: search 2927.97 ms)". */
  String line() {
    List<String> parts = new ArrayList<>();
    for (Category category : Category.values()) {
      if (!total.containsKey(category)) {
        continue;
      }
      String part = category.what + " " + met.getOrDefault(category, 0) + "/" + total.get(category);
      List<String> misses = missed.get(category);
      if (misses != null) {
        part += " (missed: " + String.join(", ", misses) + ")";
      }
      parts.add(part);
    }
    return met() + " of " + total() + " targets met: " + String.join("; ", parts);
  }
}
