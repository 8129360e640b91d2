package io.pressroom.bench;

import java.util.List;
import java.util.Map;

/**
 * What the rows ask for, found in the loaded data set: the most used tag, its newest article (the
 * hot article), the author with the most articles, a cursor deep into the tag, and the full-text
 * query.
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
    String queryTotal) {

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
    return List.of(
        new Row("detail", "Article detail", "/api/v1/articles/" + hot, Row.Kind.HOT, "detail", ""),
        new Row(
            "tag-first",
            "Popular tag, 1st page",
            "/api/v1/articles?tag=" + tag,
            Row.Kind.HOT,
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
            Row.Kind.DB,
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
        new Row("feed", "Tag Atom feed", "/feeds/tags/" + tag + ".atom", Row.Kind.HOT, "feed", ""),
        new Row(
            "writes",
            "Write mix (signed in)",
            "like / unlike / comment",
            Row.Kind.WRITE,
            "detail",
            ""));
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
