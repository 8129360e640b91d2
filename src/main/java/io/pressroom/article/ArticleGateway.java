package io.pressroom.article;

import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.db.Timestamps;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way into an article for every other package: find the article a reader may see by its
 * slug, or answer 404 (it never existed, or it is not public) or 410 (it was deleted). A caller
 * that needs more of the article, or of what hangs off it, in the same statement names {@link
 * Extra} columns (and joins) over {@code articles a}; they come back in {@link Found#row()}, read
 * by alias.
 */
@ApplicationScoped
public class ArticleGateway {

  /** More columns (with aliases) and joins, over {@code articles a}, read in the same statement. */
  public record Extra(String columns, SqlBuilder joins) {

    public static Extra columns(String columns) {
      return new Extra(columns, new SqlBuilder());
    }
  }

  /**
   * Joins the feedback counters of {@code articles a} (V18) as {@code ctr}, for {@link Extra}
   * columns that show them: {@code ctr.like_count}, {@code ctr.comment_count}, {@code
   * ctr.rating_count}, {@code ctr.rating_average}. Every article has its row.
   */
  public static final String COUNTERS_JOIN = " join article_counters ctr on ctr.article_id = a.id";

  /** Nothing more than the reference. */
  private static final Extra NOTHING = Extra.columns("");

  /** A visible article and the extra columns read with it. */
  public record Found(ArticleRef article, Row row) {}

  /**
   * A write of another package on an article that moves the article's counters when it changes a
   * row (a like, a comment), run in one statement with finding the article: a round trip and a
   * statement instead of three, on the most frequent writes.
   *
   * <p>{@code statement} is a data-modifying statement (a {@code with} query of its own) over
   * {@code target t}, the article as {@link #requireVisible(String)} reads it ({@code t.id}, {@code
   * t.visible}); it must change rows only {@code where t.visible}, and return {@code article_id}
   * for each row it changed, at most one. The article's like and comment counters then move by
   * {@code likes} and {@code comments}, by SQL increments. {@code columns} (with aliases) are read
   * over {@code written w} (what the statement returned, null columns when it changed nothing) and
   * {@code joins}.
   */
  public record CountedWrite(
      SqlBuilder statement, String columns, SqlBuilder joins, int likes, int comments) {

    public static CountedWrite of(SqlBuilder statement, int likes, int comments) {
      return new CountedWrite(statement, "", new SqlBuilder(), likes, comments);
    }
  }

  /** A visible article after a {@link CountedWrite}: whether it changed a row, and its columns. */
  public record Written(ArticleRef article, boolean changed, Row row) {}

  private final ArticleQueries queries;

  ArticleGateway(ArticleQueries queries) {
    this.queries = queries;
  }

  /** The public article {@code slug}; 404 when there is none to see, 410 once deleted. */
  public ArticleRef requireVisible(String slug) {
    return requireVisible(slug, NOTHING).article();
  }

  /** As {@link #requireVisible(String)}, with {@code extra} read in the same statement. */
  public Found requireVisible(String slug, Extra extra) {
    return found(queries.reference("a.slug = :key", slug, extra), notFoundMessage(slug));
  }

  /**
   * The public article with this id (a reference kept elsewhere, as in a signed link); 404 with
   * {@code notFound} when there is none to see, 410 once deleted.
   */
  public Found requireVisible(long id, String notFound, Extra extra) {
    return found(queries.reference("a.id = :key", id, extra), notFound);
  }

  /** The article {@code slug} whatever its state, for importing content: no visibility applies. */
  public Optional<ArticleRef> find(String slug) {
    return queries.reference("a.slug = :key", slug, NOTHING).map(ArticleGateway::ref);
  }

  /** An article that carries a tag. */
  public record Tagged(long id, String slug) {}

  /**
   * Locks the articles that carry the tag {@code tagId}, in id order, for a write to the tag that
   * changes them (a rename shows on each, a deletion takes it off each), to be called before the
   * tag is written: an article's own writes lock the article first and its tags after (their
   * counts, V6 and V24), so a tag write that held its tag while it locked each article deadlocked
   * with any of them (TagLockOrderTest).
   */
  public List<Tagged> lockTagged(long tagId) {
    return queries.tagged(tagId, true);
  }

  /** The articles that carry the tag {@code tagId}, in id order, read without a lock. */
  public List<Tagged> tagged(long tagId) {
    return queries.tagged(tagId, false);
  }

  /**
   * What the changes feed records for a change another package made to articles (a tag renamed or
   * deleted), bringing the article's feed bookkeeping up to date under its row lock.
   */
  public ArticleChanged.FeedOp settleFeed(long articleId) {
    return queries.settleFeed(articleId, Timestamps.now());
  }

  /**
   * Runs {@code write} on the public article {@code slug} and moves its counters when it changed a
   * row, in one statement; 404 when there is no article to see, 410 once deleted (the write then
   * changed nothing). The counters of an article move only by SQL increments, never by a value
   * computed from a read, so that they stay equal to their rows however many readers act at once.
   */
  public Written writeVisible(String slug, CountedWrite write) {
    Row row =
        require(
            queries.writeCounted(slug, write),
            notFoundMessage(slug),
            r -> r.bool("deleted"),
            r -> r.bool("visible"),
            r -> r.text("slug"));
    return new Written(ref(row), row.bool("changed"), row);
  }

  /**
   * Counts a comment ({@code +1}) or its deletion ({@code -1}), as {@link #writeVisible} moves
   * counters; the caller changes the rows in the same transaction.
   */
  public void countComments(long articleId, int delta) {
    queries.moveCounters(articleId, 0, delta, 0, 0);
  }

  /**
   * Counts a rating of {@code addedScore} and uncounts one of {@code removedScore} (0: none; a
   * changed score is both), in the article's count, sum and histogram of ratings; see {@link
   * #countComments}.
   */
  public void countRatings(long articleId, int addedScore, int removedScore) {
    queries.moveCounters(articleId, 0, 0, addedScore, removedScore);
  }

  /**
   * Whether a scheduled article has become public at its instant with nobody writing and its change
   * not yet recorded: a cheap read, true rarely.
   */
  public boolean anyScheduledDue() {
    return queries.anyScheduledDue();
  }

  /**
   * Brings the feed bookkeeping of the scheduled articles that became public up to date, in the
   * caller's transaction; their ids, for the changes feed to record.
   */
  public List<Long> settleScheduledDue() {
    return queries.listScheduledDue();
  }

  /** When the scheduled articles become public, for caches that must drop listings then. */
  public List<Instant> scheduledPublications() {
    return queries.scheduledPublications();
  }

  /**
   * For SQL of another package that files something under an article (webhook events, scoped by
   * author and tags): an expression for the author's id of the article whose id {@code articleId}
   * (an SQL expression, such as a bound parameter) gives. Read inside the caller's statement, so
   * that a hot write such as a comment takes no statement more for it.
   */
  public static String authorIdSql(String articleId) {
    return "(select s.author_id from articles s where s.id = " + articleId + ")";
  }

  /** As {@link #authorIdSql}: the ids of the article's tags in their order, {@code {}} if none. */
  public static String tagIdsSql(String articleId) {
    return "coalesce((select array_agg(s.tag_id order by s.position) from article_tags s"
        + " where s.article_id = "
        + articleId
        + "), '{}')";
  }

  private static Found found(Optional<Row> row, String notFound) {
    Row found =
        require(row, notFound, r -> r.bool("deleted"), r -> r.bool("visible"), r -> r.text("slug"));
    return new Found(ref(found), found);
  }

  private static ArticleRef ref(Row row) {
    return new ArticleRef(row.getLong("id"), row.text("slug"), row.getLong("author_id"));
  }

  /**
   * The decision every lookup of an article shares: absent or not visible to this caller is 404
   * with {@code notFound}, deleted is 410 (naming the article by its slug), else the article.
   */
  static <T> T require(
      Optional<T> article,
      String notFound,
      Predicate<T> deleted,
      Predicate<T> visible,
      Function<T, String> slug) {
    T found = article.orElseThrow(() -> ProblemException.notFound(notFound));
    if (deleted.test(found)) {
      throw ProblemException.gone("The article '" + slug.apply(found) + "' has been deleted.");
    }
    if (!visible.test(found)) {
      throw ProblemException.notFound(notFound);
    }
    return found;
  }

  static String notFoundMessage(String slug) {
    return "No article has the slug '" + slug + "'.";
  }
}
