package io.pressroom.bench;

import java.util.List;

/**
 * A row of the report: what it asks the app for, which nginx file it is compared with, and which
 * targets it is held to.
 *
 * @param id short name, used in file names and in the summary ("tag-deep")
 * @param label the table's first cell ("Same tag, 2000 deep")
 * @param path the path and query asked for ("/api/v1/articles?tag=linux"); the first of {@code
 *     rotation} when there are several
 * @param kind which targets apply
 * @param ceiling the nginx file it is compared with: detail, list, tags or feed
 * @param note said in the Targets cell of the as-deployed table (may be empty)
 * @param rotation the paths wrk asks for in turn (bench/lua/rotate.lua), so that a row of searches
 *     is several different searches; empty for a row of one path
 */
record Row(
    String id,
    String label,
    String path,
    Kind kind,
    String ceiling,
    String note,
    List<String> rotation) {

  /** What a row reads when its endpoint answers 404 (not built yet). */
  static final String MISSING = "n/a (endpoint missing)";

  /** The write mix must reach this many requests a second (issue 14: durable writes). */
  static final long WRITES_PER_SECOND = 800;

  /** Which targets a row is held to, in each pass. */
  enum Kind {
    /** Hot read: ≥ 30% of nginx as deployed; with the cache off, statements only. */
    HOT(0.30, null, 50.0, null),
    /** Hot read whose cache miss matters too: ≥ 30% as deployed, ≥ 5% with the cache off. */
    HOT_MISS(0.30, 0.05, 50.0, 50.0),
    /** Database read: ≥ 5% of nginx in both passes. */
    DB(0.05, 0.05, 50.0, 50.0),
    /**
     * A kind of search: as a database read at 100,000 articles; at 1,000,000 only p99 < 100 ms
     * (issue 14 sets no share of nginx there).
     */
    SEARCH(0.05, 0.05, 50.0, 50.0),
    /** Suggestions while typing: p99 < 20 ms in both passes, no share of nginx. */
    SUGGEST(null, null, 20.0, 20.0),
    /** A signed-in reader's page, as deployed only: ≥ 20% of nginx. */
    SIGNED_IN(0.20, null, 50.0, null),
    /** The write mix: ≥ 800 req/s and p99 < 100 ms, as deployed only. */
    WRITE(null, null, 100.0, null),
    /** Not measured: its endpoint is not there, or the write mix could not be set up. */
    NA(null, null, null, null);

    private final Double floor;
    private final Double missFloor;
    private final Double p99;
    private final Double missP99;

    Kind(Double floor, Double missFloor, Double p99, Double missP99) {
      this.floor = floor;
      this.missFloor = missFloor;
      this.p99 = p99;
      this.missP99 = missP99;
    }
  }

  /** From this many articles on, issue 14 holds search to p99 < 100 ms and no share of nginx. */
  static final long LARGE_DATA_SET = 1_000_000;

  Row(String id, String label, String path, Kind kind, String ceiling, String note) {
    this(id, label, path, kind, ceiling, note, List.of());
  }

  /**
   * The share of nginx's req/s that the row must reach in a pass; null when it has none. Search has
   * none from 1,000,000 articles on, where issue 14 holds it to its p99 alone.
   */
  Double floor(boolean databasePass, long articles) {
    if (kind == Kind.SEARCH && articles >= LARGE_DATA_SET) {
      return null;
    }
    return databasePass ? kind.missFloor : kind.floor;
  }

  /**
   * The p99 the row must stay under in a pass, in ms; null when it has none. Search may take 100 ms
   * from 1,000,000 articles on (issue 14).
   */
  Double p99Limit(boolean databasePass, long articles) {
    Double limit = databasePass ? kind.missP99 : kind.p99;
    if (limit != null && kind == Kind.SEARCH && articles >= LARGE_DATA_SET) {
      return 100.0;
    }
    return limit;
  }

  /** Whether the row runs again with the response cache off (signed-in pages and writes not). */
  boolean inDatabasePass() {
    return kind != Kind.WRITE && kind != Kind.NA && kind != Kind.SIGNED_IN;
  }

  /** Signed-in rows send a reader's token (bench/lua/signed-in.lua). */
  boolean signedIn() {
    return kind == Kind.SIGNED_IN;
  }

  /** Every path the row asks for. */
  List<String> paths() {
    return rotation.isEmpty() ? List.of(path) : rotation;
  }

  Row notMeasured(String why) {
    return new Row(id, label, path, Kind.NA, ceiling, why, rotation);
  }

  Row withNote(String text) {
    return new Row(id, label, path, kind, ceiling, text, rotation);
  }

  /** The path as the table shows it: a cursor is long and says nothing, so it is elided. */
  String shortPath() {
    return path.replaceFirst("cursor=[^&]*", "cursor=…");
  }

  /** The Request cell: the path in code, and how many others the row rotates over. */
  String requestCell() {
    String cell = "`" + shortPath() + "`";
    return rotation.size() > 1 ? cell + " and " + (rotation.size() - 1) + " more" : cell;
  }
}
