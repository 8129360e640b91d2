package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL plans for listings that once read far more than their page. The test database is
 * too small for PostgreSQL to choose an index on its own, so each plan is read with the other ways
 * discouraged (a scan of the whole table or a bitmap of it, and a sort), as they are on a large
 * table for a page of a few rows.
 */
@QuarkusTest
class ListingPlanTest {

  /**
   * The matches are read once, as a range (the CTE {@code m}, whose index PostgreSQL picks by the
   * table's size), then counted and ordered from it; a walk of an order would have no such range.
   */
  private static final Condition<String> READ_ONCE =
      new Condition<>(
          plan -> plan.contains("CTE m") && plan.contains("CTE Scan on m"),
          "matches read once as a range, counted and ordered from it");

  /**
   * The count of the articles within the bounds of publication did not run: an aggregate over a
   * scan (of whichever kind PostgreSQL picks) of the bounds from 2000 on, never executed.
   */
  private static final Pattern COUNTED_NOT =
      Pattern.compile(
          "Aggregate \\(never executed\\)\\n(?:[^\\n]*\\n){0,4}?[^\\n]*published_at > '2000");

  /** The tags' range (the CTE {@code m}) was never read. */
  private static final Pattern RANGE_NOT_READ =
      Pattern.compile("CTE m\\n\\s+->[^\\n]*never executed");

  /** The ways of reading tags updated since an instant that a listing chooses from. */
  private static final List<String> WAYS = List.of("hashed", "updated", "tag rows");

  @Inject EntityManager entityManager;

  @Inject Fixtures fixtures;

  @Inject UserTransaction transaction;

  /**
   * A cursor deep in an order by a counter starts the page where the cursor is in the counter's
   * index. Its position was compared with the article's id, which that index does not hold, so
   * PostgreSQL read the index from its top and checked each row after joining its article: 0.8 s
   * for a page of an aggregator's pull at 100,000 articles.
   */
  @Test
  void theCursorIsABoundOfTheCountersIndex() {
    for (ArticleSort sort :
        List.of(ArticleSort.MOST_LIKED, ArticleSort.MOST_DISCUSSED, ArticleSort.BEST_RATED)) {
      String plan = plan(filter(sort, Optional.empty()), new ArticleQueries.SortPosition("3", 42));
      assertThat(plan)
          .as("the plan of a page after a cursor, sorted by " + sort.parameter())
          .containsPattern("Index Cond: \\(ROW\\(\\w+, article_id\\) < ROW\\(");
    }
  }

  /**
   * A pull of what was updated since an instant reads the updated range, not the publication order:
   * walked from the oldest article, it passed every article not updated since before it met the
   * first that was (0.6 s at 100,000 articles).
   */
  @Test
  void anUpdatedSincePullDoesNotWalkThePublicationOrder() {
    for (ArticleSort sort : List.of(ArticleSort.OLDEST, ArticleSort.NEWEST)) {
      String plan =
          plan(
              filter(sort, Optional.of(Instant.now().minusSeconds(3600))),
              new ArticleQueries.SortPosition("2026-01-01T00:00:00Z", 42));
      assertThat(plan).as("the plan of a pull sorted by " + sort.parameter()).satisfies(READ_ONCE);
    }
  }

  /**
   * A pull since an instant before every public article's last update (an aggregator's first pull
   * asks so) is a pull of everything: its total is the kept count and its page is met walking the
   * order's index, where counting and ordering the updated range read every public article (0.33 s
   * a page at 1,000,000 articles). Once one public article was not updated since, the range is read
   * again. Its answers are the plain listing's either way.
   */
  @Test
  void aPullSinceBeforeEveryUpdateReadsNoRange() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Optional<Instant> beforeAll = Optional.of(Instant.parse("2000-01-01T00:00:00Z"));
    for (ArticleSort sort : List.of(ArticleSort.NEWEST, ArticleSort.OLDEST)) {
      ArticleFilter pull = filter(sort, beforeAll);
      List<Row> everything =
          ListingStatement.of(filter(sort, Optional.empty()), Optional.empty(), 20, 0)
              .read(entityManager);
      List<Row> pulled = ListingStatement.of(pull, Optional.empty(), 20, 0).read(entityManager);
      assertThat(pulled.get(0).getLong("total"))
          .as("the total of a pull of everything, " + sort.parameter())
          .isEqualTo(everything.get(0).getLong("total"));
      assertThat(slugsOf(pulled)).as("its page").isEqualTo(slugsOf(everything));
      transaction.begin();
      try {
        assertThat(analysed(pull))
            .as("the plan of a pull of everything, " + sort.parameter())
            .containsPattern("CTE m\\n\\s+->  [^\\n]*\\(never executed\\)");
        new SqlBuilder()
            .append("update articles set updated_at = '1999-12-31T00:00:00Z'")
            .append(" where slug = :slug", "slug", slug)
            .execute(entityManager);
        assertThat(analysed(pull))
            .as("the plan once an article was not updated since, " + sort.parameter())
            .containsPattern("CTE m\\n\\s+->  [^\\n]*\\(actual rows=");
      } finally {
        transaction.rollback();
      }
    }
  }

  /**
   * Bounds of publication that every public article is within count everything: the kept count is
   * the total, where counting them read every public article's entry (0.12 s at 1,000,000
   * articles). Once one public article is outside, they are counted again.
   */
  @Test
  void publicationBoundsAroundEveryArticleCountNoRange() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    ArticleFilter bounded =
        published(Optional.of("2000-01-01T00:00:00Z"), Optional.of("2100-01-01T00:00:00Z"));
    List<Row> everything =
        ListingStatement.of(filter(ArticleSort.NEWEST, Optional.empty()), Optional.empty(), 20, 0)
            .read(entityManager);
    List<Row> within = ListingStatement.of(bounded, Optional.empty(), 20, 0).read(entityManager);
    assertThat(within.get(0).getLong("total"))
        .as("the total within bounds around every article")
        .isEqualTo(everything.get(0).getLong("total"));
    assertThat(slugsOf(within)).as("its page").isEqualTo(slugsOf(everything));
    transaction.begin();
    try {
      assertThat(analysed(bounded))
          .as("the plan within bounds around every article")
          .containsPattern(COUNTED_NOT);
      new SqlBuilder()
          .append("update articles set published_at = '1999-12-31T00:00:00Z'")
          .append(" where slug = :slug", "slug", slug)
          .execute(entityManager);
      // Counted again, from one side or the other (see the next test): exactly.
      assertThat(total(bounded))
          .as("the total once an article is outside")
          .isEqualTo(everything.get(0).getLong("total") - 1);
    } finally {
      transaction.rollback();
    }
  }

  /**
   * Bounds that keep most articles count the few outside them and take those from everything (at
   * 1,000,000 articles {@code publishedAfter=2025-01-01} counted 963,739 rows); bounds that keep
   * few count those. PostgreSQL's statistics of the publication instants say which side is larger.
   */
  @Test
  void publicationBoundsCountTheFewerSide() throws Exception {
    String old = fixtures.article(fixtures.author()).create();
    fixtures.article(fixtures.author()).create();
    transaction.begin();
    try {
      new SqlBuilder()
          .append("update articles set published_at = '1999-12-31T00:00:00Z'")
          .append(" where slug = :slug", "slug", old)
          .execute(entityManager);
      new SqlBuilder().append("analyze articles").execute(entityManager);
      long everything = total(filter(ArticleSort.NEWEST, Optional.empty()));

      ArticleFilter most = published(Optional.of("2000-01-01T00:00:00Z"), Optional.empty());
      long before2000 = publicBefore("2000-01-01T00:00:00Z");
      assertThat(before2000).isPositive();
      assertThat(total(most)).as("the total after 2000").isEqualTo(everything - before2000);
      assertThat(analysed(most))
          .as("the plan after 2000: the one article before, counted")
          .containsPattern(COUNTED_NOT)
          .containsPattern(
              "Aggregate \\(actual rows=1(?:\\.00)? loops=1\\)\\n(?:[^\\n]*\\n){0,4}?[^\\n]*published_at"
                  + " <= '2000");

      ArticleFilter few = published(Optional.empty(), Optional.of("2000-01-01T00:00:00Z"));
      assertThat(total(few)).as("the total before 2000").isEqualTo(before2000);
      assertThat(analysed(few))
          .as("the plan before 2000: the articles within, counted")
          .containsPattern(
              "Aggregate \\(actual rows=1(?:\\.00)? loops=1\\)\\n(?:[^\\n]*\\n){0,4}?[^\\n]*published_at"
                  + " < '2000")
          .containsPattern(
              "Aggregate \\(never executed\\)\\n(?:[^\\n]*\\n){0,4}?[^\\n]*published_at >= '2000");

      ArticleFilter crossed =
          published(Optional.of("2000-01-01T00:00:00Z"), Optional.of("1990-01-01T00:00:00Z"));
      assertThat(total(crossed)).as("the total of bounds with nothing between").isZero();
    } finally {
      transaction.rollback();
    }
  }

  /** The public articles published before {@code instant}, counted directly. */
  private long publicBefore(String instant) {
    return new SqlBuilder()
        .append("select count(*) as n from articles a where " + PublicArticles.condition("a"))
        .append(" and a.published_at < cast(:at as timestamptz)", "at", Instant.parse(instant))
        .read(entityManager)
        .get(0)
        .getLong("n");
  }

  private long total(ArticleFilter filter) {
    return ListingStatement.of(filter, Optional.empty(), 20, 0)
        .read(entityManager)
        .get(0)
        .getLong("total");
  }

  private static ArticleFilter published(Optional<String> after, Optional<String> before) {
    return new ArticleFilter(
        List.of(),
        Optional.empty(),
        Optional.empty(),
        after.map(Instant::parse),
        before.map(Instant::parse),
        Optional.empty(),
        ArticleSort.NEWEST,
        ArticleStatus.PUBLISHED,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A page after skipped rows (a numbered pager's {@code page=N}) finds its ids first, from the
   * order's index alone, and reads the kept summaries of those only: joined to every skipped row,
   * the summaries and counters of all of them were read (3.2 s for page 400 of the largest tag at
   * 1,000,000 articles, its ids 4 ms). Read with look-ups by key, as on a large table.
   */
  @Test
  void aPageAfterSkippedRowsReadsTheSummariesOfItsOwnRowsOnly() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    for (int i = 0; i < 12; i++) {
      fixtures.article(author).tags(tag).publishedAt(Instant.now().minusSeconds(60 + i)).create();
    }
    for (ArticleSort sort : List.of(ArticleSort.NEWEST, ArticleSort.MOST_LIKED)) {
      ArticleFilter filter = filter(List.of(tag), sort, Optional.empty());
      List<String> whole =
          slugsOf(ListingStatement.of(filter, Optional.empty(), 12, 0).read(entityManager));
      List<String> third =
          slugsOf(ListingStatement.of(filter, Optional.empty(), 3, 6).read(entityManager));
      assertThat(third).as("page 3 of 3, " + sort.parameter()).isEqualTo(whole.subList(6, 9));
      assertThat(summariesLookedUp(filter, 3, 6))
          .as("summaries read for a page of 3 after 6, " + sort.parameter())
          .isEqualTo(3);
    }
  }

  /**
   * A reader's feed takes at most a page of each followed author's articles, from the author's
   * index, and reads the kept summaries of its page only: with the authors' articles joined as one
   * set, the summaries and counters of all of them were read before they were ordered (45 ms for 31
   * authors' 4,378 articles at 100,000 articles). Its total is the authors' kept counts less their
   * scheduled articles.
   */
  @Test
  void aFeedReadsTheSummariesOfItsOwnPageOnly() throws Exception {
    Account reader = fixtures.account(Role.READER);
    Instant now = Instant.now();
    for (int author = 0; author < 2; author++) {
      Account followed = fixtures.author();
      for (int i = 0; i < 6; i++) {
        fixtures.article(followed).publishedAt(now.minusSeconds(60 + 2 * i + author)).create();
      }
      fixtures.article(followed).publishedAt(now.plusSeconds(3600)).create();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  new SqlBuilder()
                      .append("insert into follows (follower_id, author_id) values (:reader,")
                      .append(" :author)", "author", followed.id())
                      .bind("reader", reader.id())
                      .execute(entityManager));
    }
    fixtures.article(fixtures.author()).publishedAt(now.minusSeconds(30)).create();
    ArticleFilter feed = ArticleFilter.followedBy(reader.id());
    assertThat(total(feed)).as("the feed's total, scheduled articles left out").isEqualTo(12);
    assertThat(summariesLookedUp(feed, 3, 0))
        .as("summaries read for a feed's page of 3 of 12")
        .isEqualTo(3);
  }

  /**
   * How many kept summaries the page of {@code limit} after {@code offset} looks up, as run with
   * look-ups by key (as on a large table: no scan of a whole table, no hash or merge join).
   */
  private int summariesLookedUp(ArticleFilter filter, int limit, int offset) throws Exception {
    transaction.begin();
    try {
      for (String way : List.of("seqscan", "bitmapscan", "hashjoin", "mergejoin")) {
        entityManager.createNativeQuery("set local enable_" + way + " = off").executeUpdate();
      }
      String plan = analysed(filter, limit, offset);
      Matcher summaries =
          Pattern.compile("on article_listings k \\(actual rows=[0-9.]+ loops=(\\d+)\\)")
              .matcher(plan);
      assertThat(summaries.find()).as("the summaries' look-ups in\n" + plan).isTrue();
      return Integer.parseInt(summaries.group(1));
    } finally {
      transaction.rollback();
    }
  }

  /**
   * A listing of several tags by a counter is counted and ordered from the tags' public ranges of
   * the tag index, which carry each article's liveness and publication instant: counting by
   * visiting each article of the two largest tags took 0.95 s at 100,000 articles.
   */
  @Test
  void severalTagsAreReadFromTheTagIndex() {
    ArticleFilter filter = twoTags(ArticleSort.MOST_LIKED, Optional.empty());
    assertThat(plan(filter, new ArticleQueries.SortPosition("7", 42)))
        .as("the plan of several tags sorted by likes")
        .satisfies(READ_ONCE);
  }

  /**
   * A page of several tags newest or oldest first reads the first rows of each tag's range from the
   * cursor on (a limit on each), not every match ordered: the whole range is only counted, each
   * tag's range merged with the others' in the index's order. The two largest tags at 100,000
   * articles took 40 ms so, 7 to 10 ms now.
   */
  @Test
  void severalTagsByPublicationReadAPageOfEachTag() {
    for (ArticleSort sort : List.of(ArticleSort.NEWEST, ArticleSort.OLDEST)) {
      String plan =
          plan(
              twoTags(sort, Optional.empty()),
              new ArticleQueries.SortPosition("2026-01-01T00:00:00Z", 42));
      assertThat(plan)
          .as("the plan of several tags sorted by " + sort.parameter())
          .doesNotContain("CTE Scan on m");
      assertThat(Pattern.compile("->  Limit").matcher(plan).results().count())
          .as("a limit on the page and on each tag's rows, in " + plan)
          .isEqualTo(3);
    }
  }

  /**
   * Tags updated since an instant (one tag in a publication order too, whose total counted its rows
   * one by one and whose walk checked each; and newest update first, whose total visited each
   * updated article checking its tags: 1.1 s for two large tags at 100,000 articles) are read as a
   * range, in one of three ways each behind a one-time filter (see {@link
   * #eachWayOfReadingTagsUpdatedSinceFindsTheirArticles}). PostgreSQL, guessing a few hundred rows
   * for tags named by slug, checked each of the 47,597 rows of two large tags against its article
   * by key instead (0.3 to 0.9 s at 100,000 articles).
   */
  @Test
  void tagsUpdatedSinceReadTheUpdatedRangeOnce() {
    Optional<Instant> since = Optional.of(Instant.now().minusSeconds(3600));
    for (ArticleFilter filter :
        List.of(
            twoTags(ArticleSort.OLDEST, since),
            twoTags(ArticleSort.MOST_LIKED, since),
            twoTags(ArticleSort.RECENTLY_UPDATED, since),
            filter(List.of("one-tag"), ArticleSort.RECENTLY_UPDATED, since),
            filter(List.of("one-tag"), ArticleSort.NEWEST, since))) {
      ArticleSort sort = filter.sort();
      String key = sort.byCounter() ? "7" : "2026-01-01T00:00:00Z";
      assertThat(plan(filter, new ArticleQueries.SortPosition(key, 42)))
          .as("the plan of " + filter.tagSlugs() + " updated since, sorted by " + sort.parameter())
          .satisfies(READ_ONCE)
          .contains("CTE updated", "CTE Scan on updated", "CTE choice")
          .contains(WAYS.stream().map(way -> "= '" + way + "'::text)").toList());
    }
  }

  /**
   * A pull of tags updated since an instant reads its rows one of three ways, chosen in the
   * statement: a few updated articles each check their tags by key, else a few tag rows each check
   * their article, else both ranges are read once and the updated one hashed. PostgreSQL cannot see
   * the tags' sizes, and hashed a large tag's 29,305 rows to find the 31 of its articles among the
   * last 101 updated (5.3 ms at 100,000 articles, 1.5 ms driven by the updated articles). Here the
   * tag's kept count is claimed, and for the hashed way 700 other articles are updated too, each in
   * a transaction rolled back: the chosen way reads the tag's two updated articles, the others
   * nothing.
   */
  @Test
  void eachWayOfReadingTagsUpdatedSinceFindsTheirArticles() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    Instant published = Instant.now().minusSeconds(60);
    fixtures.article(author).tags(tag).publishedAt(published).create();
    Instant since = Instant.now();
    Thread.sleep(2);
    List<String> updated = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String slug = fixtures.article(author).tags(tag).publishedAt(published).create();
      fixtures.setUpdatedAt(slug, Instant.now());
      updated.add(slug);
    }
    ArticleFilter filter = filter(List.of(tag), ArticleSort.NEWEST, Optional.of(since));
    record Claim(Integer tagRows, int othersUpdated, String way) {}
    for (Claim claim :
        List.of(
            new Claim(null, 0, "tag rows"),
            new Claim(1_000_000, 0, "updated"),
            new Claim(5_001, 700, "hashed"))) {
      transaction.begin();
      try {
        if (claim.tagRows() != null) {
          new SqlBuilder()
              .append("update tags set public_count = :count", "count", claim.tagRows())
              .append(" where slug = :slug", "slug", tag)
              .execute(entityManager);
        }
        addUpdatedArticles(author, claim.othersUpdated());
        String plan = analysed(filter);
        for (String way : WAYS) {
          assertThat(rowsOf(plan, way))
              .as("rows read by the way of " + way + " for " + claim + ":\n" + plan)
              .isEqualTo(way.equals(claim.way()) ? updated.size() : 0);
        }
        assertThat(
                slugsOf(ListingStatement.of(filter, Optional.empty(), 20, 0).read(entityManager)))
            .as("the page for " + claim)
            .containsExactlyInAnyOrderElementsOf(updated);
      } finally {
        transaction.rollback();
      }
    }
  }

  /**
   * A listing of a tag and an author reads first the side with fewer kept articles: the author's
   * articles, each checking its tags by key, or the tag's range joined to the author's articles.
   * PostgreSQL, seeing neither side's size, read the largest tag's 290,391 rows for an author's 555
   * articles at 1,000,000 (111 ms for the total and the page, 2 to 10 ms from the author's side).
   * Here the author has three articles, two of them of the tag, which has one more; each side's
   * kept count is claimed larger in turn, in a transaction rolled back: the chosen way reads the
   * rows, the other none, and both give the same total and page, the first page and one after a
   * skipped row.
   */
  @Test
  void aTagAndAnAuthorAreReadFromTheSideWithFewerArticles() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    Instant published = Instant.now().minusSeconds(600);
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      newestFirst.add(0, fixtures.article(author).tags(tag).publishedAt(published).create());
      published = published.plusSeconds(60);
    }
    fixtures.article(author).publishedAt(published).create();
    fixtures.article(fixtures.author()).tags(tag).publishedAt(published).create();
    ArticleFilter filter =
        filter(List.of(tag), Optional.of(author.handle()), ArticleSort.NEWEST, Optional.empty());
    for (boolean authorFirst : List.of(true, false)) {
      transaction.begin();
      try {
        new SqlBuilder()
            .append(
                authorFirst
                    ? "update tags set public_count = 1000000 where slug = :name"
                    : "update accounts set live_articles = 1000000 where handle = :name",
                "name",
                authorFirst ? tag : author.handle())
            .execute(entityManager);
        String plan = analysed(filter);
        assertThat(rowsBehind(plan, "\\(InitPlan \\d+\\)\\.col1"))
            .as("rows the author's side read, author first " + authorFirst + ":\n" + plan)
            .isEqualTo(authorFirst ? 2 : 0);
        assertThat(rowsBehind(plan, "\\(NOT \\(InitPlan \\d+\\)\\.col1\\)"))
            .as("rows the tag's side read, author first " + authorFirst + ":\n" + plan)
            .isEqualTo(authorFirst ? 0 : 2);
        List<Row> first = ListingStatement.of(filter, Optional.empty(), 20, 0).read(entityManager);
        assertThat(slugsOf(first)).as("author first " + authorFirst).isEqualTo(newestFirst);
        assertThat(first.get(0).getLong("total")).isEqualTo(2L);
        List<Row> second = ListingStatement.of(filter, Optional.empty(), 1, 1).read(entityManager);
        assertThat(slugsOf(second)).isEqualTo(newestFirst.subList(1, 2));
        assertThat(second.get(0).getLong("total")).isEqualTo(2L);
      } finally {
        transaction.rollback();
      }
    }
  }

  /**
   * Up to 10,000 matches look their counters up by key, past that they join them as PostgreSQL
   * plans; both give the page of a tag by likes, and its total. 10,001 articles of one tag are
   * added in a transaction rolled back.
   */
  @Test
  void aTagOfMoreThanTenThousandArticlesIsOrderedByLikes() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String first = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();
    String second = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();
    fixtures.setCounters(first, 9, 0, 0, 0);
    fixtures.setCounters(second, 8, 0, 0, 0);
    ArticleFilter filter = filter(List.of(tag), ArticleSort.MOST_LIKED, Optional.empty());
    for (int others : new int[] {0, 10_000}) {
      transaction.begin();
      try {
        String added = addUpdatedArticles(author, others);
        new SqlBuilder()
            .append("insert into article_tags (article_id, tag_id) select a.id, t.id from")
            .append(" articles a, tags t where a.slug like :added", "added", added + "%")
            .append(" and t.slug = :tag", "tag", tag)
            .execute(entityManager);
        List<Row> page = ListingStatement.of(filter, Optional.empty(), 3, 0).read(entityManager);
        assertThat(page.get(0).getLong("total")).as("the total").isEqualTo(others + 2L);
        assertThat(slugsOf(page.subList(0, 2))).as("the most liked").containsExactly(first, second);
      } finally {
        transaction.rollback();
      }
    }
  }

  /**
   * Past 10,000 articles a tag's page by likes walks the likes index, checking each article's tags,
   * and stops at its page: the tag's range is not read, counted or ordered. When the walk passes
   * 20,000 articles without meeting its page (the tag's articles among the least liked), the range
   * is ordered as before: the same page either way. Articles are added in a transaction rolled
   * back.
   */
  @Test
  void aLargeTagsPageByLikesIsMetWalkingTheLikesIndex() throws Exception {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String first = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();
    String second = fixtures.article(author).tags(tag).publishedAt(Instant.now()).create();
    fixtures.setCounters(first, 9, 0, 0, 0);
    fixtures.setCounters(second, 8, 0, 0, 0);
    ArticleFilter filter = filter(List.of(tag), ArticleSort.MOST_LIKED, Optional.empty());
    transaction.begin();
    try {
      String tagged = addUpdatedArticles(author, 10_000);
      new SqlBuilder()
          .append("insert into article_tags (article_id, tag_id) select a.id, t.id from")
          .append(" articles a, tags t where a.slug like :added", "added", tagged + "%")
          .append(" and t.slug = :tag", "tag", tag)
          .execute(entityManager);
      // Unliked, the added article of the highest id is the first after the two liked ones.
      String newestTagged =
          new SqlBuilder()
              .append("select slug from articles where slug like :added", "added", tagged + "%")
              .append(" order by id desc limit 1")
              .read(entityManager)
              .get(0)
              .text("slug");

      String walked = analysed(filter, 3, 0);
      assertThat(walked).contains("CTE walk").containsPattern(RANGE_NOT_READ);
      List<Row> page = ListingStatement.of(filter, Optional.empty(), 3, 0).read(entityManager);
      assertThat(page.get(0).getLong("total")).isEqualTo(10_002L);
      assertThat(slugsOf(page)).containsExactly(first, second, newestTagged);

      // 20,001 newer articles of no tag, as unliked: the walk passes 20,000 of them and gives up.
      addUpdatedArticles(author, 20_001);
      String ordered = analysed(filter, 3, 0);
      assertThat(ordered).contains("CTE walk").doesNotContainPattern(RANGE_NOT_READ);
      page = ListingStatement.of(filter, Optional.empty(), 3, 0).read(entityManager);
      assertThat(page.get(0).getLong("total")).isEqualTo(10_002L);
      assertThat(slugsOf(page)).containsExactly(first, second, newestTagged);
    } finally {
      transaction.rollback();
    }
  }

  /**
   * Adds {@code count} public articles of no tag, updated now, in the caller's transaction; returns
   * the beginning of their slugs.
   */
  private String addUpdatedArticles(Account author, int count) {
    String added = Fixtures.unique("updated") + "-";
    new SqlBuilder()
        .append(
            "insert into articles (slug, title, summary, body, body_html, author_id, status,"
                + " published_at, updated_at) select :added || g, 'Updated', 'Updated', 'Updated',"
                + " '<p>Updated</p>', :author, 'published', now() - interval '1 day', now() from"
                + " generate_series(1, :count) g",
            "author",
            author.id())
        .bind("added", added)
        .bind("count", count)
        .execute(entityManager);
    return added;
  }

  /** The slugs of a listing's rows, in their order. */
  private List<String> slugsOf(List<Row> listing) {
    List<Long> ids =
        listing.stream().filter(row -> !row.isNull("id")).map(row -> row.getLong("id")).toList();
    Map<Long, String> slugs =
        new SqlBuilder()
                .append("select id, slug from articles where id in (:ids)", "ids", ids)
                .read(entityManager)
                .stream()
                .collect(Collectors.toMap(row -> row.getLong("id"), row -> row.text("slug")));
    return ids.stream().map(slugs::get).toList();
  }

  /**
   * The rows of the branch behind the one-time filter {@code gate} (a pattern), in {@code plan}.
   */
  private static long rowsBehind(String plan, String gate) {
    Matcher branch =
        Pattern.compile(
                "Result \\(actual rows=(\\d+)(?:\\.\\d+)? loops=1\\)\\n\\s+One-Time Filter: "
                    + gate
                    + "\\n")
            .matcher(plan);
    assertThat(branch.find()).as("a branch behind " + gate + " in\n" + plan).isTrue();
    return Long.parseLong(branch.group(1));
  }

  /** The rows of the branch behind the one-time filter on {@code way}, from {@code plan}. */
  private static long rowsOf(String plan, String way) {
    Matcher branch =
        Pattern.compile(
                "Result \\(actual rows=(\\d+)(?:\\.\\d+)? loops=1\\)\\n\\s+One-Time Filter:"
                    + " \\(\\(InitPlan \\d+\\)\\.col1 = '"
                    + way
                    + "'::text\\)")
            .matcher(plan);
    assertThat(branch.find()).as("a branch for " + way + " in\n" + plan).isTrue();
    return Long.parseLong(branch.group(1));
  }

  private static ArticleFilter filter(ArticleSort sort, Optional<Instant> updatedSince) {
    return filter(List.of(), sort, updatedSince);
  }

  private static ArticleFilter twoTags(ArticleSort sort, Optional<Instant> updatedSince) {
    return filter(List.of("one-tag", "another-tag"), sort, updatedSince);
  }

  private static ArticleFilter filter(
      List<String> tags, ArticleSort sort, Optional<Instant> updatedSince) {
    return filter(tags, Optional.empty(), sort, updatedSince);
  }

  private static ArticleFilter filter(
      List<String> tags,
      Optional<String> author,
      ArticleSort sort,
      Optional<Instant> updatedSince) {
    return new ArticleFilter(
        tags,
        author,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        updatedSince,
        sort,
        ArticleStatus.PUBLISHED,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The plan of the listing's first page as run, with each node's rows, in the caller's
   * transaction.
   */
  private String analysed(ArticleFilter filter) {
    return analysed(filter, 20, 0);
  }

  /** The plan of the listing's page of {@code limit} after {@code offset}, as {@link #analysed}. */
  private String analysed(ArticleFilter filter, int limit, int offset) {
    return new SqlBuilder()
            .append("explain (analyze, costs off, timing off, summary off) ")
            .appendAll(ListingStatement.of(filter, Optional.empty(), limit, offset))
            .read(entityManager)
            .stream()
            .map(row -> row.text("query plan"))
            .collect(Collectors.joining("\n"));
  }

  private String plan(ArticleFilter filter, ArticleQueries.SortPosition after) {
    SqlBuilder explain =
        new SqlBuilder()
            .append("explain ")
            .appendAll(ListingStatement.of(filter, Optional.of(after), 20, 0));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              for (String plan : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort")) {
                entityManager.createNativeQuery("set local " + plan + " = off").executeUpdate();
              }
              return explain.read(entityManager).stream()
                  .map(row -> row.text("query plan"))
                  .collect(Collectors.joining("\n"));
            });
  }
}
