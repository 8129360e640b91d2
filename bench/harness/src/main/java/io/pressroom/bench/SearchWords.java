package io.pressroom.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The queries of the search rows, chosen from the loaded articles so that matches run from a
 * handful to a third of them: document frequencies measured on a sample of articles ({@link
 * Harness} asks PostgreSQL), then a pure choice here.
 *
 * @param common single words on about a third of the articles
 * @param rare codenames that bench/generate.sql puts on about ten articles each (or, on data
 *     without them, the rarest words)
 * @param phrase exact phrases in quotes, two adjacent words found on a few % of the articles
 * @param multi two or three words of middling frequency, which together match a few %
 * @param prefix the first four letters of frequent long words ({@code kern} for kernel)
 * @param varied {@link #VARIED} different queries of every kind, mostly pairs of words
 */
record SearchWords(
    List<String> common,
    List<String> rare,
    List<String> phrase,
    List<String> multi,
    List<String> prefix,
    List<String> varied) {

  /** How many different queries each search row rotates over. */
  static final int PER_ROW = 4;

  /**
   * How many different queries the varied row rotates over: their pages hold up to 100,000
   * articles, more than the app keeps copies of by default (20,000 kept summaries), so that row
   * shows searches whose articles were often not shown lately.
   */
  static final int VARIED = 5_000;

  /** A word or phrase and the share of the sampled articles it is on. */
  record Share(String text, double share) {}

  /** Words the choice leaves out: the generator's own marker for codenames. */
  private static final Set<String> LEFT_OUT = Set.of("codename", "its");

  /**
   * Parses psql's unaligned output, one {@code text|share} a line; lines that do not parse are
   * skipped.
   */
  static List<Share> parse(String psql) {
    List<Share> shares = new ArrayList<>();
    for (String line : psql.split("\\R")) {
      int bar = line.lastIndexOf('|');
      if (bar <= 0) {
        continue;
      }
      try {
        shares.add(
            new Share(line.substring(0, bar).trim(), Double.parseDouble(line.substring(bar + 1))));
      } catch (NumberFormatException e) {
        // not a line of figures: skipped
      }
    }
    return shares;
  }

  /**
   * The choice. {@code words} are single words that are no stop words of the English search
   * configuration; {@code phrases} pairs of adjacent words; {@code codenames} the generator's rare
   * words.
   */
  static SearchWords choose(List<Share> words, List<Share> phrases, List<String> codenames) {
    List<Share> usable =
        words.stream()
            .filter(w -> w.text().matches("[a-z]{3,}") && !LEFT_OUT.contains(w.text()))
            .toList();
    Set<String> vocabulary = new HashSet<>();
    usable.forEach(w -> vocabulary.add(w.text()));

    List<String> common = nearest(usable, 1.0 / 3, PER_ROW);

    List<String> rare = new ArrayList<>(codenames.stream().distinct().limit(PER_ROW).toList());
    if (rare.isEmpty()) {
      rare.addAll(
          usable.stream()
              .sorted(Comparator.comparingDouble(Share::share).thenComparing(Share::text))
              .limit(PER_ROW)
              .map(Share::text)
              .toList());
    }

    List<Share> pairs =
        phrases.stream()
            .filter(
                p -> {
                  String[] w = p.text().split(" ");
                  return w.length == 2
                      && vocabulary.contains(w[0])
                      && vocabulary.contains(w[1])
                      && !w[0].equals(w[1]);
                })
            .toList();
    List<String> phrase = nearest(pairs, 0.03, PER_ROW).stream().map(p -> "\"" + p + "\"").toList();

    // Two or three words of 8 to 25% each: together (every word must match) a few %.
    List<Share> middling =
        usable.stream().filter(w -> w.share() >= 0.08 && w.share() <= 0.25).toList();
    List<String> pool = nearest(middling, 0.15, 10);
    List<String> multi = new ArrayList<>();
    int at = 0;
    for (int size : new int[] {2, 3, 2, 3}) {
      if (at + size > pool.size()) {
        break;
      }
      multi.add(String.join(" ", pool.subList(at, at + size)));
      at += size;
    }

    // kern-like: the start of a frequent long word that is not a word itself.
    Set<String> prefixes = new LinkedHashSet<>();
    for (String w :
        nearest(usable.stream().filter(s -> s.text().length() >= 7).toList(), 0.25, 40)) {
      String start = w.substring(0, 4);
      if (!vocabulary.contains(start)) {
        prefixes.add(start);
      }
      if (prefixes.size() == PER_ROW) {
        break;
      }
    }
    return new SearchWords(
        common, List.copyOf(rare), phrase, multi, List.copyOf(prefixes), varied(usable, pairs));
  }

  /**
   * Up to {@link #VARIED} different queries: every word alone, every phrase, the first four letters
   * of every long word, then pairs of words (each word with the next, then with the one after, ...)
   * until there are enough; in an order shuffled the same way every run, so that the kinds mix.
   */
  static List<String> varied(List<Share> usable, List<Share> pairs) {
    List<String> words = usable.stream().map(Share::text).sorted().toList();
    Set<String> queries = new LinkedHashSet<>(words);
    pairs.stream().map(p -> "\"" + p.text() + "\"").sorted().forEach(queries::add);
    words.stream()
        .filter(w -> w.length() >= 7 && !words.contains(w.substring(0, 4)))
        .forEach(w -> queries.add(w.substring(0, 4)));
    int n = words.size();
    for (int step = 1; step < n && queries.size() < VARIED; step++) {
      for (int k = 0; k < n && queries.size() < VARIED; k++) {
        queries.add(words.get(k) + " " + words.get((k + step) % n));
      }
    }
    List<String> mixed = new ArrayList<>(queries);
    Collections.shuffle(mixed, new Random(7));
    return List.copyOf(mixed.subList(0, Math.min(VARIED, mixed.size())));
  }

  /** The n texts whose share is nearest to {@code target}, nearest first (ties by text). */
  private static List<String> nearest(List<Share> shares, double target, int n) {
    return shares.stream()
        .sorted(
            Comparator.comparingDouble((Share s) -> Math.abs(s.share() - target))
                .thenComparing(Share::text))
        .limit(n)
        .map(Share::text)
        .toList();
  }
}
