package io.pressroom.bench;

/**
 * A row of the report: what it asks the app for, which nginx file it is compared with, and which
 * targets it is held to.
 *
 * @param id short name, used in file names and in the summary ("tag-deep")
 * @param label the table's first cell ("Same tag, 2000 deep")
 * @param path the path and query asked for ("/api/v1/articles?tag=linux")
 * @param kind which targets apply
 * @param ceiling the nginx file it is compared with: detail, list, tags or feed
 * @param note said in the Targets cell of the as-deployed table (may be empty)
 */
record Row(String id, String label, String path, Kind kind, String ceiling, String note) {

  enum Kind {
    /** Hot read: at least 30% of nginx, served from the response cache as deployed. */
    HOT,
    /** Database read: at least 5% of nginx. */
    DB,
    /** The write mix: figures only. */
    WRITE,
    /** Not measured: its endpoint is not there, or the write mix could not be set up. */
    NA
  }

  /** The share of nginx's req/s that the row must reach. */
  double floor() {
    return kind == Kind.HOT ? 0.30 : 0.05;
  }

  Row notMeasured(String why) {
    return new Row(id, label, path, Kind.NA, ceiling, why);
  }

  Row withNote(String text) {
    return new Row(id, label, path, kind, ceiling, text);
  }

  /** The path as the table shows it: a cursor is long and says nothing, so it is elided. */
  String shortPath() {
    return path.replaceFirst("cursor=[^&]*", "cursor=…");
  }
}
