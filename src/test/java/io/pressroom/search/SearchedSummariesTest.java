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
  void aPageShownBeforeReadsItsCountersAgainButNotItsSummaries() {
    String w = word();
    String slug = fixtures.article(fixtures.author()).title("Lantern " + w).create();
    assertThat(search(w).getString("items[0].title")).isEqualTo("Lantern " + w);

    // The kept summary changes with no write announcing it (no write of the API does that) and
    // the article gets likes: the page keeps its copy of the summary and counts the likes afresh.
    sql(
        "update article_listings set summary_json = replace(summary_json, 'Lantern', 'Changed')"
            + " where article_id = "
            + fixtures.articleId(slug));
    sql(
        "update article_counters set like_count = 7 where article_id = "
            + fixtures.articleId(slug));

    double copied = fromCopies();
    JsonPath page = search(w);
    assertThat(fromCopies()).isEqualTo(copied + 1);
    assertThat(page.getString("items[0].title")).isEqualTo("Lantern " + w);
    assertThat(page.getInt("items[0].stats.likes")).isEqualTo(7);
    assertThat(statements.countDuring(() -> search(w))).isEqualTo(1);
    // The most liked first: the database orders the matches, the page's summaries as above.
    JsonPath liked = search(w, "sort", "-likes");
    assertThat(liked.getString("items[0].title")).isEqualTo("Lantern " + w);
    assertThat(liked.getInt("items[0].stats.likes")).isEqualTo(7);
  }

  @Test
  void anArticleTakenDownUnannouncedLeavesAPageThatShowedIt() {
    String w = word();
    String going = fixtures.article(fixtures.author()).title("Going " + w).create();
    String staying = fixtures.article(fixtures.author()).title("Staying " + w).create();
    assertThat(search(w).getList("items.slug")).containsExactlyInAnyOrder(going, staying);

    // Another instance's unpublishing, not yet announced: PostgreSQL's counters say it is gone.
    sql("update articles set status = 'draft', published_at = null where slug = '" + going + "'");

    assertThat(search(w).getList("items.slug")).containsExactly(staying);
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

  private double fromCopies() {
    return meters.counter("pressroom.search.summaries", "source", "copy").count();
  }

  private void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
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
