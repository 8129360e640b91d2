package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.support.AnotherInstance;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search results take the summaries of articles shown before from this instance's copies and only
 * their counters from PostgreSQL: still public now, counted exactly, and showing every change to
 * the text once the write commits here, or once another instance announces it.
 */
@QuarkusTest
class SearchedSummariesTest {

  @Inject Fixtures fixtures;
  @Inject AnotherInstance anotherInstance;
  @Inject Users users;
  @Inject EntityManager entityManager;
  @Inject SqlStatements statements;
  @Inject MeterRegistry meters;

  @BeforeEach
  void indexIsReady() {
    SearchIndexReady.await(Duration.ofSeconds(10));
  }

  @Test
  void aPageShownBeforeReadsNothingUntilFeedbackOnOneOfItsArticles() {
    String w = word();
    Users.User reader = users.reader();
    String liked = fixtures.article(fixtures.author()).title("Lantern " + w).create();
    String other = fixtures.article(fixtures.author()).title("Candle " + w).create();
    JsonPath first = search(w);
    assertThat(first.getList("items.slug")).containsExactlyInAnyOrder(liked, other);

    double kept = kept();
    assertThat(statements.countDuring(() -> search(w))).isZero();
    assertThat(kept()).isEqualTo(kept + 2);
    assertThat(search(w).prettify()).isEqualTo(first.prettify());

    // A like here drops that article's copy when it commits: it is read again, the other is not.
    reader.request().put("/api/v1/articles/" + liked + "/like").then().statusCode(204);
    double fromDatabase = fromCopies() + fromDatabase();
    JsonPath after = search(w);
    assertThat(likes(after, liked)).isEqualTo(1);
    assertThat(likes(after, other)).isZero();
    assertThat(fromCopies() + fromDatabase()).isEqualTo(fromDatabase + 1);
    assertThat(statements.countDuring(() -> search(w))).isZero();
  }

  @Test
  void feedbackAnnouncedElsewhereIsCountedAfreshWhileTheSummaryStaysCopied() {
    String w = word();
    String slug = fixtures.article(fixtures.author()).title("Lantern " + w).create();
    long id = fixtures.articleId(slug);
    assertThat(search(w).getString("items[0].title")).isEqualTo("Lantern " + w);

    // The kept summary changes with no write announcing it (no write of the API does that), and
    // another instance counts likes on the article and announces them as feedback: the page keeps
    // its copy of the summary and counts the likes afresh, once announced.
    sql(
        "update article_listings set summary_json = replace(summary_json, 'Lantern', 'Changed')"
            + " where article_id = "
            + id);
    sql("update article_counters set like_count = 7 where article_id = " + id);
    assertThat(likes(search(w), slug)).isZero();
    sql("select pg_notify('pressroom_invalidation', 'v1 another-instance article " + id + "')");

    JsonPath page =
        Eventually.within(Duration.ofSeconds(1), () -> search(w), shown -> likes(shown, slug) == 7);
    assertThat(page.getString("items[0].title")).isEqualTo("Lantern " + w);
    // The most liked first: the database orders the matches, the page's summaries as above.
    JsonPath liked = search(w, "sort", "-likes");
    assertThat(liked.getString("items[0].title")).isEqualTo("Lantern " + w);
    assertThat(liked.getInt("items[0].stats.likes")).isEqualTo(7);
  }

  @Test
  void anArticleTakenDownLeavesAPageThatShowedItOnceAnnounced() {
    String w = word();
    String going = fixtures.article(fixtures.author()).title("Going " + w).create();
    String staying = fixtures.article(fixtures.author()).title("Staying " + w).create();
    assertThat(search(w).getList("items.slug")).containsExactlyInAnyOrder(going, staying);

    // Another instance's unpublishing, announced with its commit: the copies are dropped, and
    // PostgreSQL's counters say it is gone, whether or not the index has heard of it yet.
    anotherInstance.writesListings(
        db ->
            db.createNativeQuery(
                    "update articles set status = 'draft', published_at = null where slug = :slug")
                .setParameter("slug", going)
                .executeUpdate());

    Eventually.within(
        Duration.ofSeconds(1),
        () -> search(w).getList("items.slug"),
        slugs -> slugs.equals(List.of(staying)));
  }

  @Test
  void anArticleWhoseCopyWasDroppedIsShownOnlyIfStillPublic() {
    String w = word();
    String going = fixtures.article(fixtures.author()).title("Going " + w).create();
    String staying = fixtures.article(fixtures.author()).title("Staying " + w).create();
    assertThat(search(w).getList("items.slug")).containsExactlyInAnyOrder(going, staying);

    // Taken down with nothing announced but feedback on it: its copy is dropped, its counters read
    // again say it is gone, although the search index may still find it.
    sql("update articles set status = 'draft', published_at = null where slug = '" + going + "'");
    sql(
        "select pg_notify('pressroom_invalidation', 'v1 another-instance article "
            + fixtures.articleId(going)
            + "')");

    Eventually.within(
        Duration.ofSeconds(1),
        () -> search(w).getList("items.slug"),
        slugs -> slugs.equals(List.of(staying)));
  }

  @Test
  void anEditHereShowsInTheNextSearch() {
    String w = word();
    Users.User author = users.author();
    // Made first: giving an account its role changes what listings show, which drops the copies.
    Users.User editor = users.editor();
    String slug =
        users.published(
            author, Map.of("title", "Before " + w, "summary", "Short.", "body", "Text."));
    assertThat(search(w).getString("items[0].title")).isEqualTo("Before " + w);

    editor
        .json()
        .body(Map.of("title", "After " + w))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    assertThat(search(w).getString("items[0].title")).isEqualTo("After " + w);

    author.json().body(Map.of("name", "Renamed " + w)).patch("/api/v1/me").then().statusCode(200);
    assertThat(search(w).getString("items[0].author.name")).isEqualTo("Renamed " + w);
  }

  @Test
  void anEditOnAnotherInstanceShowsOnceItIsAnnounced() {
    String w = word();
    String slug = fixtures.article(fixtures.author()).title("Before " + w).create();
    assertThat(search(w).getString("items[0].title")).isEqualTo("Before " + w);

    // Another instance's edit: its transaction changes the row and announces it on the channel.
    anotherInstance.writesListings(
        db ->
            db.createNativeQuery("update articles set title = :title where slug = :slug")
                .setParameter("title", "Elsewhere " + w)
                .setParameter("slug", slug)
                .executeUpdate());

    String title =
        Eventually.within(
            Duration.ofSeconds(1),
            () -> search(w).getString("items[0].title"),
            shown -> shown.equals("Elsewhere " + w));
    assertThat(title).isEqualTo("Elsewhere " + w);
  }

  private double kept() {
    return meters.counter("pressroom.search.summaries", "source", "kept").count();
  }

  private double fromDatabase() {
    return meters.counter("pressroom.search.summaries", "source", "database").count();
  }

  private static int likes(JsonPath page, String slug) {
    List<String> slugs = page.getList("items.slug");
    return page.getInt("items[" + slugs.indexOf(slug) + "].stats.likes");
  }

  private double fromCopies() {
    return meters.counter("pressroom.search.summaries", "source", "copy").count();
  }

  private void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (statement.startsWith("select")) {
                entityManager.createNativeQuery(statement).getResultList();
              } else {
                entityManager.createNativeQuery(statement).executeUpdate();
              }
            });
  }

  /** A word no other test uses, which the English analyser keeps as it is. */
  private static String word() {
    return UnusedWords.starting("qel");
  }

  private static JsonPath search(String q, String... more) {
    var request = given().queryParam("q", q);
    for (int i = 0; i + 1 < more.length; i += 2) {
      request.queryParam(more[i], more[i + 1]);
    }
    return request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
  }
}
