package io.pressroom.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.search.IndexBeingBuilt;
import io.pressroom.search.SearchIndexReady;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A list or detail request runs a small, fixed number of statements whatever the page size; a
 * signed-in reader's kept answer runs none, but for the reader's own state on an article page when
 * it is not kept.
 */
@QuarkusTest
class StatementCountTest {

  @Inject Fixtures fixtures;
  @Inject SqlStatements statements;
  @Inject Users users;
  @Inject Event<PublicContentChanged> contentChanged;

  @Test
  void articleListingsRunOneStatementWhateverThePageSize() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String otherTag = fixtures.tag();
    String word = Fixtures.unique("zorbody").replace("-", "");
    for (int i = 0; i < 40; i++) {
      fixtures.article(author).tags(tag, otherTag).body("A body about " + word + ".").create();
    }
    warmUp(tag);

    long small = count("/api/v1/articles?limit=2&tag=" + tag);
    long large = count("/api/v1/articles?limit=40&tag=" + tag);
    // An aggregator's pull of what was updated lately: its matches read, counted and ordered from
    // the updated range in the same statement, in the publication orders and by a counter.
    String lately = "&updatedSince=" + Instant.now().minusSeconds(86_400);
    long updatedOldestFirst = count("/api/v1/articles?limit=40&sort=publishedAt" + lately);
    long updatedByLikes = count("/api/v1/articles?limit=40&sort=-likes" + lately);
    // Several tags, or one by a counter: read from the tags' ranges, in the same statement.
    long tags = count("/api/v1/articles?limit=40&tag=" + tag + "&tag=" + otherTag);
    long tagsByLikes =
        count("/api/v1/articles?limit=40&sort=-likes&tag=" + tag + "&tag=" + otherTag);
    long tagByLikes = count("/api/v1/articles?limit=40&sort=-likes&tag=" + tag);
    // Searches are answered by the search index once it is ready: the summaries of the page (its
    // highlights are cut from the index), and the ids of the tag or author filtered by.
    SearchIndexReady.await(Duration.ofSeconds(10));
    long searched = countUnkept("/api/v1/articles?limit=40&q=body&author=" + author.handle());
    long searchedAll = countUnkept("/api/v1/articles?limit=40&q=body");
    // Asked again, its page's summaries are kept with their counters (the response cache is on).
    long searchedAgain = count("/api/v1/articles?limit=40&q=body");
    long tagPage = count("/api/v1/tags/" + tag + "/articles?limit=40&sort=-likes");
    // In an order the index does not keep, the index finds the matches and the database orders
    // them: their keys (here looked up by id: they are few), then the page's summaries.
    long byLikesFew = countUnkept("/api/v1/articles?limit=2&q=" + word + "&sort=-likes");
    long byLikesMany = countUnkept("/api/v1/articles?limit=40&q=" + word + "&sort=-likes");
    // A filter by author adds the look-up of its id, as it does for a search by relevance.
    long byLikesFiltered =
        countUnkept(
            "/api/v1/articles?limit=40&q=" + word + "&sort=-likes&author=" + author.handle());
    // Oldest first is the index's own order, as newest first: only the page's summaries.
    long oldestFirst = countUnkept("/api/v1/articles?limit=40&q=" + word + "&sort=publishedAt");
    // While the index is built, PostgreSQL answers a search: the listing, then the page's texts
    // for its highlights.
    IndexBeingBuilt.install();
    long postgresqlFew =
        IndexBeingBuilt.during(() -> count("/api/v1/articles?limit=2&q=" + word + "&sort=-likes"));
    long postgresqlMany =
        IndexBeingBuilt.during(() -> count("/api/v1/articles?limit=40&q=" + word + "&sort=-likes"));
    // A listing's count and checks are joined to its page: one statement. A search takes its
    // hits from the index and its items in one statement (a filter adds one).
    assertThat(small).isEqualTo(1);
    assertThat(large).isEqualTo(1);
    assertThat(updatedOldestFirst).isEqualTo(1);
    assertThat(updatedByLikes).isEqualTo(1);
    assertThat(tags).isEqualTo(1);
    assertThat(tagsByLikes).isEqualTo(1);
    assertThat(tagByLikes).isEqualTo(1);
    assertThat(searched).isEqualTo(2);
    assertThat(searchedAll).isEqualTo(1);
    assertThat(searchedAgain).isZero();
    assertThat(tagPage).isEqualTo(1);
    assertThat(byLikesFew).isEqualTo(2);
    assertThat(byLikesMany).isEqualTo(2);
    assertThat(byLikesFiltered).isEqualTo(3);
    assertThat(oldestFirst).isEqualTo(1);
    assertThat(postgresqlFew).isEqualTo(2);
    assertThat(postgresqlMany).isEqualTo(2);
  }

  @Test
  void detailAndDirectoryRequestsRunAtMostTwoStatements() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag, fixtures.tag()).create();
    warmUp(tag);

    assertThat(count("/api/v1/articles/" + slug)).isEqualTo(1);
    assertThat(count("/api/v1/tags/" + tag)).isEqualTo(1);
    assertThat(count("/api/v1/tags?limit=5")).isEqualTo(1);
    assertThat(count("/api/v1/tags?limit=100")).isEqualTo(1);
    assertThat(count("/api/v1/authors/" + author.handle())).isEqualTo(1);
    assertThat(count("/api/v1/authors?limit=5")).isEqualTo(1);
    assertThat(count("/api/v1/authors?limit=100")).isEqualTo(1);
  }

  @Test
  void aSignedInReaderRunsNoStatementForAKeptListAndAtMostOneForAnArticlePage() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag).create();
    Users.User reader = users.reader();
    String tagPage = "/api/v1/tags/" + tag + "/articles?limit=40";
    String listing = "/api/v1/articles?limit=40&tag=" + tag;
    String article = "/api/v1/articles/" + slug;
    String tagAnswer = "/api/v1/tags/" + tag;
    // Built for the reader, who signs in by that first request: their misses keep the public part.
    for (String path : new String[] {tagPage, listing, tagAnswer, article}) {
      reader.request().get(path).then().statusCode(200).header("X-Cache", "miss");
    }

    assertThat(count(reader, tagPage)).isZero();
    assertThat(count(reader, listing)).isZero();
    assertThat(count(reader, tagAnswer)).isZero();
    // The reader's own state on the kept page: one statement on indexes, then kept as well.
    assertThat(count(reader, article)).isEqualTo(1);
    assertThat(count(reader, article)).isZero();
  }

  /**
   * An admin's lists of webhook subscriptions and of a subscription's delivery attempts: a count
   * (or the subscription's existence with the count) and the page, whatever the page size.
   */
  @Test
  void webhookListsRunTwoStatementsWhateverThePageSize() {
    Users.User admin = users.admin();
    long id = 0;
    for (int i = 0; i < 6; i++) {
      id =
          admin
              .json()
              .body(
                  Map.of("url", "https://hooks.example.com/" + i, "events", List.of("tag.created")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
    }
    String log = "/api/v1/webhooks/" + id + "/deliveries";
    // Signed in by the first request; the cursor key is loaded once.
    admin.request().get("/api/v1/webhooks?limit=1").then().statusCode(200);
    admin.request().get(log).then().statusCode(200);

    assertThat(countAdmin(admin, "/api/v1/webhooks?limit=2")).isEqualTo(2);
    assertThat(countAdmin(admin, "/api/v1/webhooks?limit=100")).isEqualTo(2);
    assertThat(countAdmin(admin, log + "?limit=2")).isEqualTo(2);
    assertThat(countAdmin(admin, log + "?limit=100&event=msg_none")).isEqualTo(2);
  }

  /** An admin's lists of accounts and of API keys: the page and the count, whatever its size. */
  @Test
  void accountAndKeyListsRunTwoStatementsWhateverThePageSize() {
    Users.User admin = users.admin();
    for (int i = 0; i < 4; i++) {
      users.reader();
      admin
          .json()
          .body(Map.of("name", "Counted " + i))
          .post("/api/v1/api-keys")
          .then()
          .statusCode(201);
    }
    // Signed in by the first request; the cursor key is loaded once.
    admin.request().get("/api/v1/accounts?limit=1").then().statusCode(200);
    admin.request().get("/api/v1/api-keys?limit=1").then().statusCode(200);

    assertThat(countAdmin(admin, "/api/v1/accounts?limit=2")).isEqualTo(2);
    assertThat(countAdmin(admin, "/api/v1/accounts?limit=100")).isEqualTo(2);
    assertThat(countAdmin(admin, "/api/v1/api-keys?limit=2")).isEqualTo(2);
    assertThat(countAdmin(admin, "/api/v1/api-keys?limit=100")).isEqualTo(2);
  }

  private long countAdmin(Users.User admin, String path) {
    return statements.countDuring(() -> admin.request().get(path).then().statusCode(200));
  }

  private void warmUp(String tag) {
    // The first cursor of an installation loads its signing key once.
    given().get("/api/v1/articles?limit=1&tag=" + tag).then().statusCode(200);
  }

  private long count(Users.User reader, String path) {
    return statements.countDuring(
        () -> reader.request().get(path).then().statusCode(200).header("X-Cache", "hit"));
  }

  /**
   * The statements of {@code path} with no summary kept from an earlier search: dropped first, as a
   * write to what listings show (a tag, a profile) drops them.
   */
  private long countUnkept(String path) {
    QuarkusTransaction.requiringNew()
        .run(() -> contentChanged.fire(new PublicContentChanged("test")));
    return count(path);
  }

  private long count(String path) {
    return statements.countDuring(() -> given().get(path).then().statusCode(200));
  }
}
