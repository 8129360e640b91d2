package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.account.Account;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Suggestions take tags and authors from this instance's copies of the public ones: no statement
 * once loaded, and still exact after writes of other instances and scheduled publications.
 */
@QuarkusTest
class SuggestionCopiesTest {

  private static final AtomicLong REQUESTS = new AtomicLong();

  @Inject Fixtures fixtures;
  @Inject AnotherInstance anotherInstance;
  @Inject SqlStatements statements;
  @Inject EntityManager entityManager;
  @Inject Users users;
  @Inject MeterRegistry meters;

  @Test
  void aSuggestionOnceWarmRunsNoStatementButTheOneThatConfirmsTitles() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).title("Quillwort lantern").create();
    Eventually.within(
        Duration.ofSeconds(10),
        () -> suggest("quillwort"),
        page -> !page.getList("articles").isEmpty());
    suggest(tag);

    long tagsAndAuthors = statements.countDuring(() -> suggest(tag));
    long withTitles = statements.countDuring(() -> suggest("quillwort"));

    // Tags and authors come from the copies; the index's title hits are confirmed public in one.
    assertThat(tagsAndAuthors).isZero();
    assertThat(withTitles).isEqualTo(1);
    assertThat(suggest(tag).getList("tags.slug")).containsExactly(tag);
    assertThat(suggest(author.handle()).getList("authors.handle")).contains(author.handle());
  }

  @Test
  void likesAndCommentsKeepTheCopiesOfTagsAndAuthors() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag).create();
    Users.User reader = users.reader();
    suggest(tag);

    // Feedback changes neither which tags have public articles nor who follows whom (issue 14:
    // the write mix dropped both copies on every like and comment).
    reader.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);
    reader
        .json()
        .body(Map.of("body", "Kept."))
        .post("/api/v1/articles/" + slug + "/comments")
        .then()
        .statusCode(201);

    assertThat(statements.countDuring(() -> suggest(tag))).isZero();
    assertThat(suggest(tag).getList("tags.slug")).containsExactly(tag);
  }

  @Test
  void followsHereAndOnOtherInstancesKeepTheCopiesOfTagsAndAuthors() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).create();
    Users.User reader = users.reader();
    suggest(tag);
    suggest(author.handle());

    // A follow changes only the order of authors by followers, which the copy catches up within
    // PublicContentChanged.FOLLOWER_ORDER_LAG: reloading it on every follow kept the database busy.
    reader.request().put("/api/v1/authors/" + author.handle() + "/follow").then().statusCode(204);
    double received = received();
    // Another instance's follow, then a message about an article nobody shows: the listener applies
    // them in order, so once the second is counted the first has been applied.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "select pg_notify('pressroom_invalidation', 'v1 another-instance authors'),"
                            + " pg_notify('pressroom_invalidation', 'v1 another-instance article 0')")
                    .getSingleResult());
    Eventually.within(Duration.ofSeconds(5), this::received, now -> now >= received + 2);

    assertThat(statements.countDuring(() -> suggest(tag))).isZero();
    assertThat(statements.countDuring(() -> suggest(author.handle()))).isZero();
    assertThat(suggest(author.handle()).getList("authors.handle")).contains(author.handle());
  }

  @Test
  void aTagRenamedOnAnotherInstanceIsSuggestedByItsNewNameWithinASecond() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).create();
    assertThat(suggest(tag).getList("tags.slug")).contains(tag);
    String renamed = "Zebrawood " + tag;

    // Another instance's write: the row changes and the instance announces it on the channel.
    anotherInstance.writesListings(
        db ->
            db.createNativeQuery("update tags set name = :name where slug = :slug")
                .setParameter("name", renamed)
                .setParameter("slug", tag)
                .executeUpdate());

    List<Object> names =
        Eventually.within(
            Duration.ofSeconds(1),
            () -> suggest("zebrawood " + tag).getList("tags.name"),
            found -> found.contains(renamed));
    assertThat(names).contains(renamed);
  }

  @Test
  void aTagWhoseOnlyArticleWasScheduledIsSuggestedFromItsInstant() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).publishedAt(Instant.now().plusSeconds(2)).create();
    assertThat(suggest(tag).getList("tags.slug")).doesNotContain(tag);

    Eventually.within(
        Duration.ofSeconds(6), () -> suggest(tag).getList("tags.slug"), s -> s.contains(tag));
  }

  private double received() {
    return meters.counter("pressroom.invalidation.received").count();
  }

  /**
   * A suggestion the response cache cannot answer (a parameter the API ignores makes each request
   * its own key): what is counted and checked here is the copies', not a kept answer's.
   */
  private static JsonPath suggest(String q) {
    return given()
        .queryParam("q", q)
        .queryParam("limit", 10)
        .queryParam("uncached", REQUESTS.incrementAndGet())
        .get("/api/v1/suggestions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
