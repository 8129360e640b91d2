package io.pressroom.author;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An account whose role writes nothing (a reader, an admin) is an author exactly while it has a
 * public article: the directory and the profile follow each write that makes one public or takes it
 * away, and a scheduled article's instant coming.
 */
@QuarkusTest
class AuthorByArticlesTest {

  @Inject Fixtures fixtures;
  @Inject Users users;

  @Test
  void aReaderIsAnAuthorWhileOneOfTheirArticlesIsPublic() {
    Account writer = fixtures.author();
    String published = fixtures.article(writer).create();
    String scheduled =
        fixtures.article(writer).publishedAt(Instant.now().plusSeconds(3600)).create();
    demoteToReader(writer);

    assertListedWith(writer, 1);

    fixtures.markDraft(published);
    assertNotAnAuthor(writer);

    // Its instant comes (moved back, and its last edit with it, as if an hour had passed).
    Instant aMinuteAgo = Instant.now().minusSeconds(60);
    fixtures.setPublishedAt(scheduled, aMinuteAgo);
    fixtures.setUpdatedAt(scheduled, aMinuteAgo);
    assertListedWith(writer, 1);

    fixtures.markDeleted(scheduled);
    assertNotAnAuthor(writer);

    fixtures.markRestored(scheduled);
    assertListedWith(writer, 1);
  }

  @Test
  void anAuthorsCountLeavesOutScheduledDraftAndDeletedArticles() {
    Account writer = fixtures.author();
    fixtures.article(writer).create();
    fixtures.article(writer).create();
    fixtures.article(writer).publishedAt(Instant.now().plusSeconds(3600)).create();
    fixtures.markDraft(fixtures.article(writer).create());
    fixtures.markDeleted(fixtures.article(writer).create());

    given().get("/api/v1/authors/" + writer.handle()).then().body("articles", equalTo(2));
    assertThat(listedArticles(writer)).isEqualTo(2);
  }

  private void demoteToReader(Account writer) {
    users
        .admin()
        .json()
        .body(Map.of("role", Role.READER.value()))
        .patch("/api/v1/accounts/" + writer.handle())
        .then()
        .statusCode(200);
  }

  private void assertListedWith(Account writer, int articles) {
    given()
        .get("/api/v1/authors/" + writer.handle())
        .then()
        .statusCode(200)
        .body("articles", equalTo(articles));
    assertThat(listedArticles(writer)).isEqualTo(articles);
  }

  private void assertNotAnAuthor(Account writer) {
    given().get("/api/v1/authors/" + writer.handle()).then().statusCode(404);
    assertThat(listedArticles(writer)).isNull();
  }

  /** The author's count of articles as the directory lists it; null when it does not. */
  private static Integer listedArticles(Account writer) {
    List<Map<String, Object>> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 100);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/authors").then().statusCode(200).extract().response();
      all.addAll(page.jsonPath().getList("items"));
      cursor = page.jsonPath().getString("page.next");
      pages++;
    } while (cursor != null && pages < 100);
    return all.stream()
        .filter(author -> writer.handle().equals(author.get("handle")))
        .map(author -> (Integer) author.get("articles"))
        .findFirst()
        .orElse(null);
  }
}
