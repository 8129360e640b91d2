package io.pressroom.article;

import static io.pressroom.article.ListingFilters.LIVE_ARTICLE;
import static io.pressroom.article.ListingFilters.after;
import static io.pressroom.article.ListingFilters.orderId;
import static io.pressroom.article.ListingFilters.pageBounds;

import io.pressroom.account.Account;
import io.pressroom.author.AuthorRef;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * All the SQL of articles, reads and writes, run here. Reads are plain SQL shaped for the indexes,
 * a fixed number of statements per request whatever the page size (a listing is one, built by
 * {@link ListingStatement}: its count and checks joined to its page of kept summaries). Every
 * selected expression has an alias and is read by it ({@link Row}).
 */
@ApplicationScoped
class ArticleQueries {

  /** The columns of a listed article, over {@code articles a join accounts u}. */
  private static final String SUMMARY_COLUMNS =
      "a.id as id, a.slug as slug, a.title as title, a.summary as summary,"
          + " a.published_at as published_at, a.updated_at as updated_at,"
          + " a.reading_minutes as reading_minutes, a.cover_image_url as cover_image_url,"
          + " ctr.like_count as like_count, ctr.comment_count as comment_count,"
          + " ctr.rating_average as rating_average, ctr.rating_count as rating_count,"
          + " u.handle as author_handle, u.name as author_name, u.avatar_url as author_avatar, "
          + TagService.REFS_COLUMN
          + " as tags";

  private final EntityManager entityManager;

  ArticleQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The facts the listing must check before it runs: the total and which names exist. */
  record ListingFacts(long total, List<String> knownTags, boolean authorKnown) {}

  /** A listed article with the text of its sort key for the next cursor. */
  record Listed(long id, ListingJson.Item item, String sortKey) {}

  /** A listing's facts and the rows of its page, read together. */
  record Listing(ListingFacts facts, List<Listed> rows) {}

  /** An article as stored, before visibility is decided. */
  record StoredArticle(
      long id,
      ArticleSummary summary,
      String body,
      String html,
      String referenceUrl,
      boolean hasSource,
      String sourcePublisher,
      String republicationNotice,
      ArticleStatus status,
      boolean deleted,
      boolean isPublic,
      long authorId,
      long version) {}

  // Listings

  /** A listing's facts and the rows of its page, in one statement ({@link ListingStatement#of}). */
  Listing listing(ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    List<Row> rows =
        ListingStatement.of(filter, after, limit, offset).read(entityManager, "listing_json");
    Row first = rows.get(0);
    String known = first.text("known_tags");
    ListingFacts facts =
        new ListingFacts(
            first.getLong("total"),
            known == null ? List.of() : Arrays.asList(known.split(",")),
            first.bool("author_known"));
    List<Listed> listed =
        rows.stream()
            .filter(row -> !row.isNull("id"))
            .map(row -> new Listed(row.getLong("id"), item(row), row.text("sort_key")))
            .toList();
    return new Listing(facts, listed);
  }

  // Search matches in an order the search engine does not keep (see MatchesInOrder)

  /** {@code sort}'s order of live articles, walked, looked up by id or walked among ids. */
  MatchesInOrder.Order order(ArticleSort sort) {
    return new MatchesInOrder.Order() {
      @Override
      public List<SortPosition> walk(Optional<SortPosition> after, int limit) {
        return inOrder(sort, after, limit);
      }

      @Override
      public List<SortPosition> lookUp(
          long[] ids, Optional<SortPosition> after, int limit, int offset) {
        return inOrderAmong(sort, ids, after, limit, offset);
      }

      @Override
      public List<SortPosition> walkAmong(
          long[] ids, Optional<SortPosition> after, int limit, int offset) {
        return alongOrderAmong(sort, ids, after, limit, offset);
      }
    };
  }

  /**
   * Live articles in {@code sort}'s order after {@code after}, at most {@code limit}: only each
   * one's id and sort key, read from the order's partial index alone (V1, V18). Scheduled articles
   * are among them (the matches they are checked against are public ones).
   */
  List<SortPosition> inOrder(ArticleSort sort, Optional<SortPosition> after, int limit) {
    return keys(sort, new SqlBuilder(), after, limit, 0);
  }

  /**
   * Of the articles {@code ids}, the live ones in {@code sort}'s order after {@code after}, {@code
   * offset} of them skipped and at most {@code limit}, each looked up by its key and then sorted:
   * for a few ids (about 3 µs an id at 100,000 articles). The lookup is a materialized common table
   * expression so that PostgreSQL cannot walk the order's index instead, which it chose for 100 ids
   * (2.3 ms against 0.4 ms by key) when it planned for the array; the ids are one array parameter.
   */
  List<SortPosition> inOrderAmong(
      ArticleSort sort, long[] ids, Optional<SortPosition> after, int limit, int offset) {
    String direction = sort.descending() ? " desc" : " asc";
    String id = orderId(sort);
    String key = sort.keyExpression();
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "with among as materialized (select " + id + " as id, " + key + " as sort_value")
            .append(liveRows(sort))
            .append(" and " + id + " = any(cast(:ids as bigint[]))", "ids", arrayText(ids))
            .appendAll(after(sort, key, id, after))
            .append(") select id, cast(sort_value as text) as sort_key from among")
            .append(" order by sort_value" + direction + ", id" + direction)
            .append(pageBounds(limit, offset));
    return positions(sql);
  }

  /**
   * As {@link #inOrderAmong}, always walking the order's index and keeping the rows whose id is
   * among {@code ids}, which PostgreSQL reads as a bit set ({@link MatchedIds}): nothing to plan
   * per id, one bit read a row. 1,780 ids of 100,000 took 0.7 ms to plan and 0.5 ms to run as an
   * array, 0.14 and 0.19 ms so. Ids spread too far apart for a bit set of {@value
   * MatchedIds#MAX_BYTES} bytes go as an array.
   */
  List<SortPosition> alongOrderAmong(
      ArticleSort sort, long[] ids, Optional<SortPosition> after, int limit, int offset) {
    Optional<MatchedIds> matched = MatchedIds.of(ids);
    if (matched.isEmpty()) {
      return inOrderAmong(sort, ids, after, limit, offset);
    }
    String id = orderId(sort);
    // CASE: get_bit fails past the bit set's end, and PostgreSQL may test a WHERE's conditions in
    // any order.
    SqlBuilder among =
        new SqlBuilder()
            .append(" and case when " + id + " between :lowest and :highest then get_bit(")
            .append("cast(:matched as bytea), " + id + " - :lowest) = 1 end")
            .bind("lowest", matched.get().lowest())
            .bind("highest", matched.get().highest())
            .bind("matched", matched.get().bits());
    return keys(sort, among, after, limit, offset);
  }

  private List<SortPosition> keys(
      ArticleSort sort, SqlBuilder among, Optional<SortPosition> after, int limit, int offset) {
    String direction = sort.descending() ? " desc" : " asc";
    String id = orderId(sort);
    String key = sort.keyExpression();
    SqlBuilder sql =
        new SqlBuilder()
            .append("select " + id + " as id, cast(" + key + " as text) as sort_key")
            .append(liveRows(sort))
            .appendAll(among)
            .appendAll(after(sort, key, id, after))
            .append(" order by " + key + direction + ", " + id + direction)
            .append(pageBounds(limit, offset));
    return positions(sql);
  }

  /** The live rows of {@code sort}'s order, from the table its partial index is on. */
  private static String liveRows(ArticleSort sort) {
    return sort.byCounter()
        ? " from article_counters ctr where ctr.live"
        : " from articles a where " + LIVE_ARTICLE;
  }

  private List<SortPosition> positions(SqlBuilder sql) {
    return sql.read(entityManager).stream()
        .map(row -> new SortPosition(row.text("sort_key"), row.getLong("id")))
        .toList();
  }

  /** PostgreSQL's text of a bigint[]: one parameter, however many ids (a list binds one each). */
  static String arrayText(long[] ids) {
    StringBuilder text = new StringBuilder(ids.length * 7 + 2).append('{');
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(ids[i]);
    }
    return text.append('}').toString();
  }

  /** Where a page ends in its sort order: the sort key's text and the article id. */
  record SortPosition(String key, long id) {}

  // One article

  /** The article with this slug whatever its state, with what deciding visibility needs. */
  Optional<StoredArticle> bySlug(String slug) {
    return Row.first(
            entityManager
                .createNativeQuery(
                    "select "
                        + SUMMARY_COLUMNS
                        + ", a.body as body, a.body_html as body_html,"
                        + " a.reference_url as reference_url,"
                        + " a.source_url is not null as has_source,"
                        + " a.source_publisher as source_publisher,"
                        + " a.republication_notice as republication_notice, a.status as status,"
                        + " a.published_at <= now() as due, a.deleted_at is not null as deleted, ("
                        + PublicArticles.condition("a")
                        + ") as visible,"
                        + " a.author_id as author_id, a.version as version"
                        + " from articles a join accounts u on u.id = a.author_id"
                        + ArticleGateway.COUNTERS_JOIN
                        + " where a.slug = :slug",
                    Tuple.class)
                .setParameter("slug", slug))
        .map(
            row ->
                new StoredArticle(
                    row.getLong("id"),
                    summary(row),
                    row.text("body"),
                    row.text("body_html"),
                    row.text("reference_url"),
                    row.bool("has_source"),
                    row.text("source_publisher"),
                    row.text("republication_notice"),
                    status(
                        ArticleStatus.of(row.text("status")),
                        !row.isNull("due") && row.bool("due")),
                    row.bool("deleted"),
                    row.bool("visible"),
                    row.getLong("author_id"),
                    row.getLong("version")));
  }

  /**
   * The kept summaries (JSON text, counters included) of those of these articles that are public
   * now, by id; one statement, over the counters' copy of the public rule (V21) and the kept
   * summaries: the articles' own rows (body, HTML, text vector), wide and each on a page of its
   * own, took half of its time.
   */
  Map<Long, byte[]> publicSummaries(List<Long> ids) {
    Map<Long, byte[]> summaries = new HashMap<>();
    publicSummaries(ids, Map.of()).forEach((id, summary) -> summaries.put(id, summary.json()));
    return summaries;
  }

  /**
   * As {@link #publicSummaries(List)}, where the kept JSON of the articles in {@code known} is
   * already at hand: of those only the counters are read, so a page whose articles are all known
   * reads one narrow table (under half of the statement's time at 100,000 articles, bench/README).
   * Still one statement, of one of three shapes (all known, none, some), the ids bound as arrays so
   * that pages of any length share them.
   */
  Map<Long, PublicSummaryJson> publicSummaries(List<Long> ids, Map<Long, byte[]> known) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    long[] knownIds = ids.stream().filter(known::containsKey).mapToLong(Long::longValue).toArray();
    long[] readIds =
        ids.stream().filter(id -> !known.containsKey(id)).mapToLong(Long::longValue).toArray();
    SqlBuilder sql = new SqlBuilder();
    if (knownIds.length > 0) {
      sql.append(
          "select ctr.article_id as id, null as listing_json, "
              + COUNTER_COLUMNS
              + " from article_counters ctr where ctr.article_id = any(:known) and "
              + PUBLIC_COUNTERS,
          "known",
          knownIds);
    }
    if (knownIds.length > 0 && readIds.length > 0) {
      sql.append(" union all ");
    }
    if (readIds.length > 0) {
      sql.append(
          "select "
              + ListingStatement.keptColumns("ctr.article_id")
              + " from article_counters ctr"
              + KeptSummaries.join("ctr.article_id")
              + " where ctr.article_id = any(:read) and "
              + PUBLIC_COUNTERS,
          "read",
          readIds);
    }
    Map<Long, PublicSummaryJson> summaries = new HashMap<>();
    for (Row row : sql.read(entityManager, "listing_json")) {
      long id = row.getLong("id");
      byte[] read = row.isNull("listing_json") ? null : row.bytes("listing_json");
      byte[] kept = read != null ? read : known.get(id);
      summaries.put(
          id,
          new PublicSummaryJson(
              ListingJson.item(
                  new ListingJson.Item(
                      kept,
                      row.getInt("like_count"),
                      row.getInt("comment_count"),
                      row.getDouble("rating_average"),
                      row.getInt("rating_count"))),
              read));
    }
    return summaries;
  }

  private static final String COUNTER_COLUMNS =
      "ctr.like_count as like_count, ctr.comment_count as comment_count, ctr.rating_average as"
          + " rating_average, ctr.rating_count as rating_count";

  private static final String PUBLIC_COUNTERS =
      PublicArticles.copiedCondition("ctr.live", "ctr.published_at");

  /**
   * The title, summary and body of these articles, by id (whether public or not: the listing that
   * names them decided who sees them); one statement.
   */
  Map<Long, ArticleSearch.Text> texts(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, ArticleSearch.Text> texts = new HashMap<>();
    new SqlBuilder()
        .append("select a.id as id, a.title as title, a.summary as summary, a.body as body")
        .append(" from articles a where a.id in (:ids)", "ids", ids)
        .read(entityManager)
        .forEach(
            row ->
                texts.put(
                    row.getLong("id"),
                    new ArticleSearch.Text(
                        row.text("title"), row.text("summary"), row.text("body"))));
    return texts;
  }

  /** The slug and title of those of these articles that are public now, by id; one statement. */
  Map<Long, ArticleTitle> publicTitles(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, ArticleTitle> titles = new HashMap<>();
    new SqlBuilder()
        .append("select a.id as id, a.slug as slug, a.title as title from articles a")
        .append(" where a.id in (:ids) and " + PublicArticles.condition("a"), "ids", ids)
        .read(entityManager)
        .forEach(
            row ->
                titles.put(
                    row.getLong("id"), new ArticleTitle(row.text("slug"), row.text("title"))));
    return titles;
  }

  /** What a signed-in reader did on an article and its author, in one statement. */
  ArticleDetail.Viewer viewer(long articleId, long authorId, long accountId) {
    Row row =
        Row.single(
            entityManager
                .createNativeQuery(
                    "select exists (select 1 from likes where article_id = :article and"
                        + " account_id = :me) as liked, (select score from ratings where"
                        + " article_id = :article and account_id = :me) as rating, exists"
                        + " (select 1 from follows where follower_id = :me and author_id ="
                        + " :author) as following_author",
                    Tuple.class)
                .setParameter("article", articleId)
                .setParameter("author", authorId)
                .setParameter("me", accountId));
    return new ArticleDetail.Viewer(
        row.bool("liked"), row.nullableInt("rating"), row.bool("following_author"));
  }

  /**
   * The article's reference as the gateway reads it ({@code id}, {@code slug}, {@code author_id},
   * {@code deleted}, {@code visible}) and the caller's {@code extra} columns, found by {@code
   * condition} over {@code articles a}; locked as {@code lock} says.
   */
  Optional<Row> reference(String condition, Object key, ArticleGateway.Extra extra) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "select a.id as id, a.slug as slug, a.author_id as author_id,"
                    + " a.deleted_at is not null as deleted, ("
                    + PublicArticles.condition("a")
                    + ") as visible")
            .append(extra.columns().isEmpty() ? "" : ", " + extra.columns())
            .append(" from articles a")
            .appendAll(extra.joins())
            .append(" where " + condition, "key", key);
    return sql.first(entityManager);
  }

  // Writes

  /**
   * The gateway's reference of the article with this slug, a write of another package over it and
   * the counters that write moves, in one statement (see {@link ArticleGateway.CountedWrite}).
   */
  Optional<Row> writeCounted(String slug, ArticleGateway.CountedWrite write) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "with target as (select a.id as id, a.slug as slug, a.author_id as author_id,"
                    + " a.deleted_at is not null as deleted, ("
                    + PublicArticles.condition("a")
                    + ") as visible from articles a where a.slug = :key), written as (",
                "key",
                slug)
            .appendAll(write.statement())
            // Moved by SQL increments, and only when the write changed a row: exact however many
            // readers act at once, as moveCounters is.
            .append(
                "), counted as (update article_counters c set like_count = c.like_count +"
                    + " :likes, comment_count = c.comment_count + :comments"
                    + " where c.article_id in (select w.article_id from written w))",
                "likes",
                write.likes())
            .bind("comments", write.comments())
            .append(
                " select t.id as id, t.slug as slug, t.author_id as author_id, t.deleted as"
                    + " deleted, t.visible as visible, w.article_id is not null as changed")
            .append(write.columns().isEmpty() ? "" : ", " + write.columns())
            .append(" from target t left join written w on w.article_id = t.id")
            .appendAll(write.joins());
    return sql.write(entityManager).stream().findFirst();
  }

  /** The article with this slug, locked for a change; deleted ones too. */
  Optional<Article> lockBySlug(String slug) {
    return Article.<Article>find("slug", slug)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /** Stores a new article now, so that it has its id. */
  void insert(Article article) {
    article.persist();
    entityManager.flush();
  }

  /** The author of a new article, without reading the account. */
  Account authorReference(long accountId) {
    return entityManager.getReference(Account.class, accountId);
  }

  /** Makes concurrent writers of one slug base take turns until they commit. */
  void lockSlugBase(String base) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(:base))")
        .setParameter("base", "article-slug:" + base)
        .getSingleResult();
  }

  boolean slugTaken(String slug) {
    return Article.count("slug", slug) > 0;
  }

  /**
   * The articles of a tag in id order ({@link ArticleGateway#lockTagged}), {@code locked} or not:
   * locked, in that order, as they are sorted.
   */
  List<ArticleGateway.Tagged> tagged(long tagId, boolean locked) {
    return Row.list(
            entityManager
                .createNativeQuery(
                    "select a.id as id, a.slug as slug from articles a where a.id in"
                        + " (select article_id from article_tags where tag_id = :tag)"
                        + " order by a.id"
                        + (locked ? " for update of a" : ""),
                    Tuple.class)
                .setParameter("tag", tagId))
        .stream()
        .map(row -> new ArticleGateway.Tagged(row.getLong("id"), row.text("slug")))
        .toList();
  }

  /**
   * The changes-feed bookkeeping of an article written by another package, which could not tell
   * what readers may see of it: the row is locked, and {@link Article#settleFeed} decides as for
   * the article package's own writes.
   */
  ArticleChanged.FeedOp settleFeed(long articleId, Instant now) {
    Article article = entityManager.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
    return article == null ? ArticleChanged.FeedOp.NONE : article.settleFeed(now);
  }

  // Pieces

  /**
   * Moves the article's feedback counters by SQL increments (0 leaves one as it is): likes and
   * comments by their deltas; a rating of {@code addedScore} counted and one of {@code
   * removedScore} uncounted (0: none), in the count, the sum and the histogram (V30). A changed
   * score is both.
   */
  void moveCounters(long articleId, int likes, int comments, int addedScore, int removedScore) {
    entityManager
        .createNativeQuery(MOVE_COUNTERS)
        .setParameter("likes", likes)
        .setParameter("comments", comments)
        .setParameter("added", addedScore)
        .setParameter("removed", removedScore)
        .setParameter("id", articleId)
        .executeUpdate();
  }

  /** The statement of {@link #moveCounters}: a score's count moves when it is added or removed. */
  private static final String MOVE_COUNTERS =
      "update article_counters set like_count = like_count + :likes, comment_count = comment_count"
          + " + :comments, rating_count = rating_count + cast(:added > 0 as integer) - cast(:removed"
          + " > 0 as integer), rating_sum = rating_sum + :added - :removed"
          + IntStream.rangeClosed(1, 5)
              .mapToObj(
                  score ->
                      String.format(
                          ", rating_%d = rating_%d + cast(:added = %d as integer) - cast(:removed"
                              + " = %d as integer)",
                          score, score, score, score))
              .collect(Collectors.joining())
          + " where article_id = :id";

  /** Whether a scheduled article has become public with its change not yet recorded. */
  boolean anyScheduledDue() {
    return new SqlBuilder()
        .append("select exists (select 1 from articles a where a.announce_pending and ")
        .append(PublicArticles.condition("a"))
        .append(") as due")
        .single(entityManager)
        .bool("due");
  }

  /** Marks the scheduled articles that became public as listed; their ids. */
  List<Long> listScheduledDue() {
    return new SqlBuilder()
            .append("update articles a set announce_pending = false, listed = true")
            .append(" where a.announce_pending and ")
            .append(PublicArticles.condition("a"))
            .append(" returning a.id as id")
            .rows(entityManager)
            .stream()
            .map(row -> row.getLong("id"))
            .toList();
  }

  /** The instants at which scheduled articles become public, with all their precision. */
  List<Instant> scheduledPublications() {
    return new SqlBuilder()
            .append("select a.published_at as published_at from articles a where ")
            .append(PublicArticles.scheduledCondition("a"))
            .rows(entityManager)
            .stream()
            .map(row -> row.exactInstant("published_at"))
            .toList();
  }

  /** A stored "published" whose instant has not come reads as scheduled. */
  private static ArticleStatus status(ArticleStatus stored, boolean due) {
    if (stored == ArticleStatus.PUBLISHED && !due) {
      return ArticleStatus.SCHEDULED;
    }
    return stored;
  }

  private static ListingJson.Item item(Row row) {
    return new ListingJson.Item(
        row.bytes("listing_json"),
        row.getInt("like_count"),
        row.getInt("comment_count"),
        row.getDouble("rating_average"),
        row.getInt("rating_count"));
  }

  private static ArticleSummary summary(Row row) {
    return new ArticleSummary(
        row.text("slug"),
        row.text("title"),
        row.text("summary"),
        new AuthorRef(
            row.text("author_handle"), row.text("author_name"), row.text("author_avatar")),
        TagService.refs(row.text("tags")),
        row.instant("published_at"),
        row.instant("updated_at"),
        row.getInt("reading_minutes"),
        row.text("cover_image_url"),
        new ArticleStats(
            row.getInt("like_count"),
            row.getInt("comment_count"),
            Math.round(row.getDouble("rating_average") * 100) / 100.0,
            row.getInt("rating_count")));
  }
}
