package io.pressroom.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rows ask for, found in the loaded data set: the most used tag, its newest article (the
 * hot article), the author with the most articles, a cursor deep into the tag, the full-text query,
 * the queries of each kind of search with the matches the app counted for each ({@code totals}, "?"
 * when unknown), and how many readers the signed-in rows use.
 */
record Fixtures(
    String tag,
    long tagTotal,
    String hot,
    String author,
    String authorTotal,
    int depth,
    String cursor,
    String query,
    String queryTotal,
    SearchWords words,
    Map<String, String> totals,
    int readers) {

  /** The prefixes the suggestions row types, in turn: two or three letters, as a reader would. */
  static final List<String> SUGGEST_PREFIXES =
      List.of("li", "ru", "ker", "sec", "da", "mem", "co", "pro");

  /** The rows of the report before issue 14's, with no search kinds and no signed-in readers. */
  Fixtures(
      String tag,
      long tagTotal,
      String hot,
      String author,
      String authorTotal,
      int depth,
      String cursor,
      String query,
      String queryTotal) {
    this(
        tag,
        tagTotal,
        hot,
        author,
        authorTotal,
        depth,
        cursor,
        query,
        queryTotal,
        new SearchWords(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
        Map.of(),
        0);
  }

  /**
   * How deep the cursor row goes: 2,000 articles, or 80% of the tag's articles on small data sets
   * (in hundreds, since the cursor is walked with limit=100), at least 100.
   */
  static int depth(long tagTotal) {
    long depth = tagTotal * 8 / 10 / 100 * 100;
    return (int) Math.max(100, Math.min(2000, depth));
  }

  /** The report's rows, in order; the write mix last (it changes the data). */
  List<Row> rows() {
    String q = Uri.encode(query);
    List<Row> rows = new ArrayList<>();
    rows.addAll(
        List.of(
            new Row(
                "detail", "Article detail", "/api/v1/articles/" + hot, Row.Kind.HOT, "detail", ""),
            new Row(
                "tag-first",
                "Popular tag, 1st page",
                "/api/v1/articles?tag=" + tag,
                Row.Kind.HOT_MISS,
                "list",
                ""),
            new Row(
                "tag-deep",
                "Same tag, " + depth + " deep",
                "/api/v1/articles?tag=" + tag + "&cursor=" + cursor,
                Row.Kind.DB,
                "list",
                "cursor after " + depth + " of " + tagTotal),
            new Row(
                "search",
                "Full-text search",
                "/api/v1/articles?q=" + q,
                Row.Kind.SEARCH,
                "list",
                "q=\"" + query + "\", " + queryTotal + " matches"),
            new Row("tags", "Tags", "/api/v1/tags", Row.Kind.HOT, "tags", ""),
            new Row(
                "author",
                "Author profile",
                "/api/v1/authors/" + author,
                Row.Kind.DB,
                "detail",
                authorTotal + " articles"),
            new Row(
                "feed",
                "Tag Atom feed",
                "/feeds/tags/" + tag + ".atom",
                Row.Kind.HOT_MISS,
                "feed",
                "")));
    rows.add(search("search-common", "Search, common word", words.common()));
    rows.add(search("search-rare", "Search, rare word", words.rare()));
    rows.add(search("search-phrase", "Search, exact phrase", words.phrase()));
    rows.add(search("search-words", "Search, several words", words.multi()));
    rows.add(search("search-prefix", "Search, word prefix", words.prefix()));
    rows.add(varied());
    rows.add(mostLiked());
    List<String> suggest =
        SUGGEST_PREFIXES.stream().map(p -> "/api/v1/suggestions?q=" + p).toList();
    rows.add(
        new Row(
            "suggest",
            "Suggestions",
            suggest.get(0),
            Row.Kind.SUGGEST,
            "tags",
            "q=" + String.join(", ", SUGGEST_PREFIXES),
            suggest));
    String readersNote = readers + " signed-in readers";
    rows.add(
        new Row(
            "signed-detail",
            "Article detail, signed in",
            "/api/v1/articles/" + hot,
            Row.Kind.SIGNED_IN,
            "detail",
            readersNote));
    rows.add(
        new Row(
            "signed-tag",
            "Popular tag, signed in",
            "/api/v1/articles?tag=" + tag,
            Row.Kind.SIGNED_IN,
            "list",
            readersNote));
    rows.add(
        new Row(
            "writes",
            "Write mix (signed in)",
            "like / unlike / comment",
            Row.Kind.WRITE,
            "detail",
            ""));
    return List.copyOf(rows);
  }

  /** A search row rotating over its queries; without queries, a row not measured. */
  private Row search(String id, String label, List<String> queries) {
    if (queries.isEmpty()) {
      return new Row(id, label, "/api/v1/articles?q=", Row.Kind.SEARCH, "list", "")
          .notMeasured("n/a: no queries found in the data set");
    }
    List<String> paths = queries.stream().map(q -> "/api/v1/articles?q=" + Uri.encode(q)).toList();
    String note = "q=" + String.join(" · ", queries) + "; " + matches(queries) + " matches";
    return new Row(id, label, paths.get(0), Row.Kind.SEARCH, "list", note, paths);
  }

  /**
   * Searches of {@link SearchWords#VARIED} different queries: many of each page's articles were not
   * shown by another query lately, which the rows of four queries each cannot show.
   */
  private Row varied() {
    List<String> queries = words.varied();
    String label =
        "Search, " + String.format(Locale.ROOT, "%,d", queries.size()) + " different queries";
    if (queries.isEmpty()) {
      return new Row("search-varied", label, "/api/v1/articles?q=", Row.Kind.SEARCH, "list", "")
          .notMeasured("n/a: no queries found in the data set");
    }
    List<String> paths = queries.stream().map(q -> "/api/v1/articles?q=" + Uri.encode(q)).toList();
    String note =
        "words, pairs of words, phrases and prefixes from the data set, e.g. q="
            + String.join(" · ", queries.subList(0, Math.min(3, queries.size())));
    return new Row("search-varied", label, paths.get(0), Row.Kind.SEARCH, "list", note, paths);
  }

  /**
   * The words of the common, rare, phrase and several-word rows in an order the index does not keep
   * (most liked first), where the index finds the matches and PostgreSQL orders them.
   */
  private Row mostLiked() {
    List<String> queries = new ArrayList<>();
    queries.addAll(words.common());
    queries.addAll(words.rare());
    queries.addAll(words.phrase());
    queries.addAll(words.multi());
    String label = "Search, most liked first";
    if (queries.isEmpty()) {
      return new Row("search-liked", label, "/api/v1/articles?q=", Row.Kind.SEARCH, "list", "")
          .notMeasured("n/a: no queries found in the data set");
    }
    List<String> paths =
        queries.stream().map(q -> "/api/v1/articles?q=" + Uri.encode(q) + "&sort=-likes").toList();
    String note = "the words of the four rows above, sort=-likes; " + matches(queries) + " matches";
    return new Row("search-liked", label, paths.get(0), Row.Kind.SEARCH, "list", note, paths);
  }

  /**
   * "9–11" from the app's totals of each query ("100+" where a total is a lower bound), "?" for one
   * it did not count.
   */
  String matches(List<String> queries) {
    List<String> known = new ArrayList<>();
    for (String q : queries) {
      String total = totals.getOrDefault(q, "?");
      if (!total.matches("[0-9]+\\+?")) {
        return "?";
      }
      known.add(total);
    }
    Comparator<String> byCount = Comparator.comparingLong(t -> Long.parseLong(t.replace("+", "")));
    String fewest = known.stream().min(byCount).orElse("0");
    String most = known.stream().max(byCount).orElse("0");
    return fewest.equals(most) ? fewest : fewest + "–" + most;
  }

  /** The nginx ceilings: id, the static file, and the row whose answer it serves. */
  static final List<Map.Entry<String, Map.Entry<String, String>>> CEILINGS =
      List.of(
          Map.entry("detail", Map.entry("detail.json", "detail")),
          Map.entry("list", Map.entry("list.json", "tag-first")),
          Map.entry("tags", Map.entry("tags.json", "tags")),
          Map.entry("feed", Map.entry("feed.atom", "feed")));

  /**
   * The access token in a sign-up answer: {@code token} as a string, or {@code token.accessToken}
   * (or {@code token.token}), or a top-level {@code accessToken}; null when there is none.
   */
  static String tokenOf(String body) {
    Object root;
    try {
      root = Json.parse(body);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Object token = Json.at(root, "token");
    Object found = null;
    if (token instanceof String) {
      found = token;
    } else if (token instanceof Map<?, ?>) {
      found = present(Json.at(token, "accessToken")) ? Json.at(token, "accessToken") : null;
      if (found == null && present(Json.at(token, "token"))) {
        found = Json.at(token, "token");
      }
    }
    if (found == null && present(Json.at(root, "accessToken"))) {
      found = Json.at(root, "accessToken");
    }
    if (found == null) {
      return null;
    }
    String text = Json.text(found);
    return text.isEmpty() ? null : text;
  }

  private static boolean present(Object value) {
    return value != null && !Boolean.FALSE.equals(value);
  }
}
