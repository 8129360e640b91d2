package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.account.Account;
import io.pressroom.article.ArticleSearch;
import io.pressroom.support.AnotherInstance;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.pressroom.web.CursorCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches answered by the Lucene index, through the API, as a reader sees them. */
@QuarkusTest
class SearchApiTest {

  private static final Duration INDEX_DEADLINE = Duration.ofSeconds(10);

  @Inject Fixtures fixtures;
  @Inject AnotherInstance anotherInstance;
  @Inject EntityManager entityManager;
  @Inject Users users;
  @Inject MeterRegistry meters;
  @Inject CursorCodec cursors;

  /** A word no other test uses, which the English analyser keeps as it is. */
  private static String word() {
    return UnusedWords.starting("zor");
  }

  @BeforeEach
  void indexIsReady() {
    // PostgreSQL answers searches until the index is ready after start-up.
    SearchIndexReady.await(INDEX_DEADLINE);
    IndexBeingBuilt.install();
  }

  private static JsonPath search(String q, String... more) {
    var request = given().queryParam("q", q);
    for (int i = 0; i + 1 < more.length; i += 2) {
      request.queryParam(more[i], more[i + 1]);
    }
    return request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aTitleMatchRanksAboveABodyOnlyMatch() {
    Account author = fixtures.author();
    String w = word();
    String inBody =
        fixtures
            .article(author)
            .title("Something else entirely")
            .body("The text mentions " + w + " twice: " + w + ".")
            .publishedAt(Instant.now().minusSeconds(60))
            .create();
    String inTitle =
        fixtures
            .article(author)
            .title("All about " + w)
            .body("Nothing more to say.")
            .publishedAt(Instant.now().minusSeconds(3600))
            .create();

    given()
        .queryParam("q", w)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(inTitle, inBody))
        .body("page.total", equalTo(2))
        .body("page.totalIsExact", equalTo(true))
        // The title is marked only where it matches; every item has a snippet.
        .body("items[0].highlight.title", equalTo("All about <mark>" + w + "</mark>"))
        .body("items[0].highlight.snippet", equalTo("A short summary."))
        .body("items[1].highlight", not(hasKey("title")))
        .body(
            "items[1].highlight.snippet",
            equalTo("The text mentions <mark>" + w + "</mark> twice: <mark>" + w + "</mark>."));
  }

  @Test
  void aSummaryMatchRanksAboveABodyOnlyMatch() {
    Account author = fixtures.author();
    String w = word();
    // The body-only match is the newer one, so recency, which only breaks ties, cannot explain it.
    String inBody =
        fixtures
            .article(author)
            .title("One article")
            .summary("Nothing to see.")
            .body("Somewhere in here: " + w + ".")
            .publishedAt(Instant.now().minusSeconds(60))
            .create();
    String inSummary =
        fixtures
            .article(author)
            .title("Another article")
            .summary("About " + w + ".")
            .body("Nothing more to say.")
            .publishedAt(Instant.now().minusSeconds(3600))
            .create();

    assertThat(search(w).getList("items.slug")).containsExactly(inSummary, inBody);
  }

  @Test
  void anExactPhraseRanksAboveScatteredWordsAndQuotesDemandIt() {
    Account author = fixtures.author();
    String a = word();
    String b = word();
    String scattered =
        fixtures
            .article(author)
            .title("One")
            .body(b + " comes first here and then, much later, " + a + " follows.")
            .publishedAt(Instant.now().minusSeconds(60))
            .create();
    String phrase =
        fixtures
            .article(author)
            .title("Two")
            .body("Here " + a + " " + b + " stand together as they should, " + "and more.")
            .publishedAt(Instant.now().minusSeconds(3600))
            .create();

    assertThat(search(a + " " + b).getList("items.slug")).containsExactly(phrase, scattered);
    assertThat(search("\"" + a + " " + b + "\"").getList("items.slug")).containsExactly(phrase);
  }

  @Test
  void aPhraseAcrossAStopWordMatchesAnyStopWordThereAndNoOtherWord() {
    Account author = fixtures.author();
    String a = word();
    String b = word();
    String of = fixtures.article(author).title("One").body("Here " + a + " of " + b + ".").create();
    String the =
        fixtures.article(author).title("Two").body("Here " + a + " the " + b + ".").create();
    fixtures.article(author).title("Three").body("Here " + a + " " + b + ".").create();
    fixtures.article(author).title("Four").body("Here " + a + " zorq " + b + ".").create();

    assertThat(search("\"" + a + " of " + b + "\"").getList("items.slug"))
        .containsExactlyInAnyOrder(of, the);
  }

  @Test
  void aPhraseOfThreeWordsNeedsThemTogetherNotJustItsPairs() {
    Account author = fixtures.author();
    String a = word();
    String b = word();
    String c = word();
    String together =
        fixtures.article(author).title("One").body("So " + a + " " + b + " " + c + ".").create();
    fixtures
        .article(author)
        .title("Two")
        .body("So " + a + " " + b + " and later " + b + " " + c + ".")
        .create();

    assertThat(search("\"" + a + " " + b + " " + c + "\"").getList("items.slug"))
        .containsExactly(together);
  }

  @Test
  void aPhraseInTheTitleRanksAboveOneInTheBodyAndItsWordsAreMarked() {
    Account author = fixtures.author();
    String a = word();
    String b = word();
    String inBody =
        fixtures
            .article(author)
            .title("Other")
            .body("Here " + a + " " + b + " stand together.")
            .publishedAt(Instant.now().minusSeconds(60))
            .create();
    String inTitle =
        fixtures
            .article(author)
            .title("About " + a + " " + b)
            .body("Nothing.")
            .publishedAt(Instant.now().minusSeconds(3600))
            .create();

    JsonPath page = search("\"" + a + " " + b + "\"");
    assertThat(page.getList("items.slug")).containsExactly(inTitle, inBody);
    assertThat(page.getString("items[0].highlight.title"))
        .isEqualTo("About <mark>" + a + "</mark> <mark>" + b + "</mark>");
    assertThat(page.getString("items[1].highlight.snippet"))
        .contains("<mark>" + a + "</mark>")
        .contains("<mark>" + b + "</mark>");
  }

  @Test
  void equalScoresAreOrderedNewestFirst() {
    Account author = fixtures.author();
    String w = word();
    String older =
        fixtures
            .article(author)
            .title("Same " + w)
            .body("Same body.")
            .publishedAt(Instant.now().minusSeconds(7200))
            .create();
    String newer =
        fixtures
            .article(author)
            .title("Same " + w)
            .body("Same body.")
            .publishedAt(Instant.now().minusSeconds(60))
            .create();

    assertThat(search(w).getList("items.slug")).containsExactly(newer, older);
  }

  @Test
  void theLastWordMatchesAsAPrefixWhileBeingTyped() {
    Account author = fixtures.author();
    String w = word();
    String slug = fixtures.article(author).title("Notes on " + w + "kernel").create();

    assertThat(search(w.substring(0, 6)).getList("items.slug")).contains(slug);
    // Quoted, the word is exact; so is every word but the last.
    assertThat(search("\"" + w.substring(0, 6) + "\"").getList("items.slug")).doesNotContain(slug);
    assertThat(search(w.substring(0, 6) + " notes").getList("items.slug")).doesNotContain(slug);
  }

  @Test
  void aWordTypedPastTheStemTheIndexKeepsStillFindsItsArticles() {
    Account author = fixtures.author();
    String whole = word() + "ality";
    String slug = fixtures.article(author).title("Notes on " + whole).create();
    String typed = whole.substring(0, whole.length() - 1);
    // The index keeps the word by its stem (…al), which what is typed (…alit) goes past.
    String stem = UnfinishedWords.onlyTerm(SearchFields.analyzer(), whole);
    assertThat(typed).startsWith(stem).isNotEqualTo(stem);

    JsonPath found = search(typed);
    assertThat(found.getList("items.slug")).contains(slug);
    assertThat(found.getString("items.find { it.slug == '" + slug + "' }.highlight.title"))
        .isEqualTo("Notes on <mark>" + whole + "</mark>");
    assertThat(search("\"" + typed + "\"").getList("items.slug"))
        .as("quoted, the word is exact")
        .doesNotContain(slug);
  }

  @Test
  void aWordOfSeveralPartsFindsItsArticlesWhileItsLastPartIsTyped() {
    Account author = fixtures.author();
    String first = word();
    String second = word();
    String slug = fixtures.article(author).title("Notes on " + first + "-" + second).create();

    JsonPath found = search(first + "-" + second.substring(0, 6));
    assertThat(found.getList("items.slug")).containsExactly(slug);
    assertThat(found.getString("items[0].highlight.title"))
        .isEqualTo("Notes on <mark>" + first + "</mark>-<mark>" + second + "</mark>");
  }

  @Test
  void highlightsMarkTheMatchedWordsAndEscapeEverythingElse() {
    Account author = fixtures.author();
    String w = word();
    fixtures
        .article(author)
        .title("<em>Escaping</em> " + w)
        .body("Before <script>alert('x')</script> the word " + w + " & more **bold** text.")
        .create();

    String snippet = search(w).getString("items[0].highlight.snippet");
    assertThat(snippet).contains("<mark>" + w + "</mark>");
    assertThat(snippet).contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    assertThat(snippet).doesNotContain("**");
    assertThat(search(w).getString("items[0].highlight.title"))
        .isEqualTo("&lt;em&gt;Escaping&lt;&#x2F;em&gt; <mark>" + w + "</mark>");
    // Listings without q have no highlight at all.
    assertThat(given().get("/api/v1/articles?limit=1").jsonPath().getMap("items[0]"))
        .doesNotContainKey("highlight");
  }

  @Test
  void aSearchPostgresqlAnswersIsHighlightedAsTheIndexHighlights() {
    Account author = fixtures.author();
    String w = word();
    String plain = fixtures.article(author).title("Other").body("A note on " + w + ".").create();
    String titled =
        fixtures.article(author).title("<b>Bold</b> " + w).body("Nothing here *at all*.").create();

    // While the index is built, PostgreSQL answers, its items highlighted the same.
    JsonPath byIndex = search(w);
    JsonPath byPostgresql = IndexBeingBuilt.during(() -> search(w));
    assertThat(byPostgresql.getList("items.slug")).containsExactlyInAnyOrder(plain, titled);
    for (String slug : List.of(plain, titled)) {
      assertThat(highlightOf(byPostgresql, slug)).isEqualTo(highlightOf(byIndex, slug));
    }
    assertThat(highlightOf(byPostgresql, titled))
        .containsEntry("title", "&lt;b&gt;Bold&lt;&#x2F;b&gt; <mark>" + w + "</mark>")
        .containsEntry("snippet", "A short summary.");
    assertThat(highlightOf(byPostgresql, plain))
        .doesNotContainKey("title")
        .containsEntry("snippet", "A note on <mark>" + w + "</mark>.");
    assertThat(byPostgresql.getBoolean("page.totalIsExact")).isTrue();
  }

  @Test
  void aTotalPastTheExactBoundIsALowerBoundAndSaysSo() {
    Account author = fixtures.author();
    String w = word();
    Instant first = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 120; i++) {
      fixtures
          .article(author)
          .title("Note " + i + " on " + w)
          .publishedAt(first.plusSeconds(i))
          .create();
    }

    // The 120 are the newest articles of the index, which is ordered newest first: scaling the
    // 100th match's place in it to the whole index said there were thousands.
    given()
        .queryParam("q", w)
        .queryParam("limit", 5)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items", hasSize(5))
        .body("page.total", equalTo(100))
        .body("page.totalIsExact", equalTo(false));
    // The same with a filter that keeps the newest of them, as a pull of what is new would.
    String afterTenth = first.plusSeconds(9).toString();
    assertThat(search(w, "publishedAfter", afterTenth, "limit", "5").getMap("page"))
        .containsEntry("total", 100)
        .containsEntry("totalIsExact", false);
    String afterThirtieth = first.plusSeconds(29).toString();
    assertThat(search(w, "publishedAfter", afterThirtieth, "limit", "5").getMap("page"))
        .containsEntry("total", 90)
        .containsEntry("totalIsExact", true);
    // PostgreSQL, answering while the index is built, counts exactly; so does the index in an
    // order it does not keep, where it collects every match for the database to order.
    assertThat(IndexBeingBuilt.during(() -> search(w, "limit", "5")).getMap("page"))
        .containsEntry("total", 120)
        .containsEntry("totalIsExact", true);
    assertThat(search(w, "sort", "-likes", "limit", "5").getMap("page"))
        .containsEntry("total", 120)
        .containsEntry("totalIsExact", true);
  }

  @Test
  void otherOrdersListTheMatchesAsTheDatabaseListsThem() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String w = word();
    Instant now = Instant.now();
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String slug =
          fixtures
              .article(author)
              .title(i % 2 == 0 ? "On " + w : "Other " + i)
              .body("Number " + i + " mentions " + w + ".")
              .tags(tag)
              .publishedAt(now.minusSeconds(1000 - 100 * i))
              .create();
      // likes 0, 5, 10, 0, 5, 10; comments 5 to 0; ratings 1, 2, 3 (each twice).
      fixtures.setCounters(slug, 5 * (i % 3), 5 - i, 2, 2 * (1 + i % 3));
      matches.add(slug);
    }
    fixtures.article(author).title("Unrelated").tags(tag).create();
    fixtures.article(author).title("Untagged " + w).create();

    long indexSearches = meters.timer("pressroom.search.index.duration").count();
    assertThat(search(w, "tag", tag, "sort", "-likes").getList("items.slug"))
        .containsExactly(
            matches.get(5),
            matches.get(2),
            matches.get(4),
            matches.get(1),
            matches.get(3),
            matches.get(0));
    // The index found the matches (PostgreSQL's full-text search, slow on a common word, did not).
    assertThat(meters.timer("pressroom.search.index.duration").count())
        .isEqualTo(indexSearches + 1);
    assertThat(search(w, "tag", tag, "sort", "-comments").getList("items.slug"))
        .containsExactlyElementsOf(matches);
    assertThat(search(w, "tag", tag, "sort", "publishedAt").getList("items.slug"))
        .containsExactlyElementsOf(matches);
    for (String sort :
        List.of("-likes", "-comments", "-rating", "publishedAt", "-publishedAt", "-updatedAt")) {
      // As PostgreSQL answers alone (while the index is built): the same items, highlights and
      // total. Oldest and newest first are the index's own orders, the others the database's
      // order of the index's matches; either way the cursors are the database's.
      JsonPath byIndex = search(w, "tag", tag, "sort", sort);
      JsonPath byPostgresql = IndexBeingBuilt.during(() -> search(w, "tag", tag, "sort", sort));
      assertThat(byIndex.getList("items")).as(sort).isEqualTo(byPostgresql.getList("items"));
      assertThat(byIndex.getMap("page")).as(sort).isEqualTo(byPostgresql.getMap("page"));
      assertThat(byIndex.getInt("page.total")).isEqualTo(6);
      // Paged two at a time, every match once, in that order; a cursor of either answer goes on
      // in the other.
      List<String> seen = new ArrayList<>();
      JsonPath page = search(w, "tag", tag, "sort", sort, "limit", "2");
      boolean viaIndex = true;
      while (true) {
        seen.addAll(page.getList("items.slug"));
        String next = page.getString("page.next");
        if (next == null) {
          break;
        }
        viaIndex = !viaIndex;
        Supplier<JsonPath> nextPage =
            () -> search(w, "tag", tag, "sort", sort, "limit", "2", "cursor", next);
        page = viaIndex ? nextPage.get() : IndexBeingBuilt.during(nextPage);
      }
      assertThat(seen).as(sort).isEqualTo(byIndex.getList("items.slug"));
    }
    // The tag's own page searches the same way.
    JsonPath tagPage =
        given()
            .queryParam("q", w)
            .queryParam("sort", "-likes")
            .get("/api/v1/tags/" + tag + "/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(tagPage.getList("items"))
        .isEqualTo(search(w, "tag", tag, "sort", "-likes").getList("items"));
    given()
        .queryParam("q", w)
        .get("/api/v1/tags/no-such-tag-" + w + "/articles")
        .then()
        .statusCode(404);
  }

  @Test
  void updatedSinceKeepsWhatWasWrittenSinceAndTheIndexFollowsEdits() {
    Users.User author = users.author();
    String w = word();
    String older =
        users.published(
            author, Map.of("title", "Older " + w, "summary", "One.", "body", "First on " + w));
    // Just after the older one's last write (the API shows it to the second; the row keeps more).
    Instant since =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((OffsetDateTime)
                            entityManager
                                .createNativeQuery(
                                    "select updated_at from articles where slug = :slug",
                                    OffsetDateTime.class)
                                .setParameter("slug", older)
                                .getSingleResult())
                        .toInstant()
                        .plus(1, ChronoUnit.MICROS));
    String newer =
        users.published(
            author, Map.of("title", "Newer", "summary", "Two.", "body", "Second on " + w));

    long indexSearches = meters.timer("pressroom.search.index.duration").count();
    for (String sort : List.of("relevance", "-likes", "publishedAt")) {
      JsonPath page = search(w, "sort", sort, "updatedSince", since.toString());
      assertThat(page.getList("items.slug")).as(sort).containsExactly(newer);
      assertThat(page.getInt("page.total")).as(sort).isEqualTo(1);
      assertThat(page.getList("items"))
          .as(sort)
          .isEqualTo(
              IndexBeingBuilt.during(
                      () -> search(w, "sort", sort, "updatedSince", since.toString()))
                  .getList("items"));
    }
    // The index answered them (PostgreSQL's full-text search, slow on a common word, did not).
    assertThat(meters.timer("pressroom.search.index.duration").count())
        .isEqualTo(indexSearches + 3);

    // An edit is a write since: the index knows at once, as it knows the new text.
    author
        .json()
        .body(Map.of("summary", "Edited."))
        .patch("/api/v1/articles/" + older)
        .then()
        .statusCode(200);
    assertThat(search(w, "updatedSince", since.toString()).getList("items.slug"))
        .containsExactlyInAnyOrder(older, newer);
    assertThat(
            search(w, "sort", "-updatedAt", "updatedSince", since.toString()).getList("items.slug"))
        .containsExactly(older, newer);
  }

  private static Map<String, Object> highlightOf(JsonPath page, String slug) {
    return page.getMap("items.find { it.slug == '" + slug + "' }.highlight");
  }

  @Test
  void filtersCombineWithTheWords() {
    Account author = fixtures.author();
    Account other = fixtures.author();
    String tag = fixtures.tag();
    String w = word();
    Instant now = Instant.now();
    String tagged =
        fixtures.article(author).title(w).tags(tag).publishedAt(now.minusSeconds(100)).create();
    String untagged =
        fixtures.article(author).title(w).publishedAt(now.minusSeconds(5000)).create();
    String byOther = fixtures.article(other).title(w).publishedAt(now.minusSeconds(200)).create();

    assertThat(search(w, "tag", tag).getList("items.slug")).containsExactly(tagged);
    assertThat(search(w, "author", author.handle()).getList("items.slug"))
        .containsExactlyInAnyOrder(tagged, untagged);
    assertThat(search(w, "publishedAfter", now.minusSeconds(1000).toString()).getList("items.slug"))
        .containsExactlyInAnyOrder(tagged, byOther);
    assertThat(search(w, "publishedBefore", now.minusSeconds(150).toString()).getList("items.slug"))
        .containsExactlyInAnyOrder(untagged, byOther);
    assertThat(search(w, "sort", "-publishedAt").getList("items.slug"))
        .containsExactly(tagged, byOther, untagged);
    given()
        .queryParam("q", w)
        .queryParam("tag", "no-such-tag-" + w)
        .get("/api/v1/articles")
        .then()
        .statusCode(400);
  }

  @Test
  void cursorsPageThroughEveryResultOnce() {
    Account author = fixtures.author();
    String w = word();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(
          fixtures
              .article(author)
              .title(i % 2 == 0 ? "Title " + w : "Other")
              .body("Body with " + w + " in it, number " + i)
              .publishedAt(Instant.now().minusSeconds(100 + i))
              .create());
    }
    for (String sort : List.of("relevance", "-publishedAt")) {
      List<String> seen = new ArrayList<>();
      JsonPath page = search(w, "limit", "3", "sort", sort);
      seen.addAll(page.getList("items.slug"));
      while (page.getString("page.next") != null) {
        page = search(w, "limit", "3", "sort", sort, "cursor", page.getString("page.next"));
        seen.addAll(page.getList("items.slug"));
      }
      assertThat(seen)
          .as(sort)
          .containsExactlyInAnyOrderElementsOf(created)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void aNewestFirstCursorOfTheKindIssuedBeforeStillPagesOn() {
    Account author = fixtures.author();
    String w = word();
    for (int i = 0; i < 5; i++) {
      fixtures
          .article(author)
          .title(w + " " + i)
          .publishedAt(Instant.now().minusSeconds(100 + i))
          .create();
    }
    JsonPath first = search(w, "limit", "2", "sort", "-publishedAt");
    String last = first.getList("items.slug", String.class).get(1);
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        entityManager
                            .createNativeQuery(
                                "select id, (extract(epoch from published_at) * 1000000)::bigint"
                                    + " from articles where slug = :slug")
                            .setParameter("slug", last)
                            .getSingleResult());
    // As newest first wrote its cursors before it took the database's: score bits, publication
    // micros, id.
    String issuedBefore =
        cursors.encode(
            new CursorCodec.Position(
                ArticleSearch.Order.OLD_NEWEST_CURSOR_KIND,
                List.of(
                    Integer.toString(Float.floatToIntBits(1.5f)),
                    row[1].toString(),
                    row[0].toString())));

    JsonPath next = search(w, "limit", "2", "sort", "-publishedAt", "cursor", issuedBefore);
    assertThat(next.getList("items"))
        .isEqualTo(
            search(w, "limit", "2", "sort", "-publishedAt", "cursor", first.getString("page.next"))
                .getList("items"));
    assertThat(next.getList("items")).hasSize(2);
  }

  @Test
  void aDeletedArticleLeavesAndAnEditedOneChanges() {
    Account author = fixtures.author();
    String w = word();
    String gone = fixtures.article(author).title(w + "-going").create();
    String staying = fixtures.article(author).title(w + "-staying").create();
    fixtures.markDeleted(gone);

    assertThat(search(w).getList("items.slug")).containsExactly(staying);

    String renamed = word();
    users
        .editor()
        .json()
        .body(Map.of("title", "Now about " + renamed))
        .patch("/api/v1/articles/" + staying)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    assertThat(search(renamed).getList("items.slug")).containsExactly(staying);
  }

  @Test
  void anArticleMovedToALaterInstantLeavesAtOnceThoughTheIndexHasNotHeard() {
    Account author = fixtures.author();
    String w = word();
    String moved = fixtures.article(author).title(w + "-moved").create();
    String staying = fixtures.article(author).title(w + "-staying").create();
    assertThat(search(w).getList("items.slug")).containsExactlyInAnyOrder(moved, staying);

    // A write the index is not told of (no changes feed row): PostgreSQL's public rule decides.
    fixtures.setPublishedAt(moved, Instant.now().plusSeconds(3600));

    assertThat(search(w).getList("items.slug")).containsExactly(staying);
    assertThat(search(w, "sort", "-likes").getList("items.slug")).containsExactly(staying);
  }

  @Test
  void anArticleOfThePageTakenDownLeavesItsPlaceToTheNextWithItsSnippet() {
    Account author = fixtures.author();
    String w = word();
    for (String title : List.of("First " + w, "Second " + w, "Third " + w)) {
      fixtures.article(author).title(title).create();
    }
    String taken = search(w, "limit", "2").getString("items[0].slug");

    // A write the index is not told of: the third match, past the page, takes the place.
    fixtures.setPublishedAt(taken, Instant.now().plusSeconds(3600));

    JsonPath page = search(w, "limit", "2");
    assertThat(page.getList("items.slug")).hasSize(2).doesNotContain(taken);
    for (int i = 0; i < 2; i++) {
      assertThat(page.getString("items[" + i + "].highlight.title"))
          .isEqualTo(page.getString("items[" + i + "].title").replace(w, "<mark>" + w + "</mark>"));
    }
    assertThat(page.getString("page.next")).isNull();
  }

  @Test
  void aScheduledArticleAppearsAtItsInstant() {
    Account author = fixtures.author();
    String w = word();
    String slug =
        fixtures.article(author).title(w).publishedAt(Instant.now().plusSeconds(2)).create();

    assertThat(search(w).getList("items.slug")).isEmpty();
    Eventually.within(INDEX_DEADLINE, () -> search(w).getList("items.slug"), s -> s.contains(slug));
  }

  @Test
  void aScheduledArticleAppearsAtItsInstantWhenTheIndexIsIdle() {
    Account author = fixtures.author();
    String w = word();
    // Later than the brisk polling that follows a write: only the idle poll (10 s) is left then.
    Instant instant = Instant.now().plusSeconds(6);
    String slug = fixtures.article(author).title(w).publishedAt(instant).create();

    assertThat(search(w).getList("items.slug")).isEmpty();
    Eventually.within(
        // 4 s of slack for a loaded machine; the idle poll alone would take until 7 s after it.
        Duration.between(Instant.now(), instant.plusSeconds(4)),
        () -> search(w).getList("items.slug"),
        s -> s.contains(slug));
  }

  @Test
  void aWriteOfAnotherInstanceIsFollowedFromTheChangesFeed() {
    Account author = fixtures.author();
    String w = word();
    String slug = fixtures.article(author).title("Plain title").create();
    String renamed = word();
    // Another instance's write: the row changes, the feed records it, and the instance announces
    // it on the invalidation channel, which wakes the index here (its idle poll is 10 s).
    anotherInstance.writesListings(
        db -> {
          db.createNativeQuery("update articles set title = :title where slug = :slug")
              .setParameter("title", "Renamed " + renamed)
              .setParameter("slug", slug)
              .executeUpdate();
          db.createNativeQuery(
                  "insert into article_changes (article_id, op) select id, 'upsert' from"
                      + " articles where slug = :slug")
              .setParameter("slug", slug)
              .executeUpdate();
        });

    Eventually.within(
        Duration.ofSeconds(5), () -> search(renamed).getList("items.slug"), s -> s.contains(slug));
    assertThat(w).isNotEmpty();
  }
}
