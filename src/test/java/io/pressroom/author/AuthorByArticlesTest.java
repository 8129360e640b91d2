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
import java.util.Comparator;
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

  /**
   * Most articles first orders by public articles, not live ones: an author with the most live
   * articles, most of them scheduled, comes after one with fewer live but more public ones, and
   * after every author with more public articles, by cursor and by page number. The directory walks
   * the authors by live articles for those without a scheduled one (V27), and works out the count
   * of the others: left out, the scheduled author would be missing; walked with the others, first.
   */
  @Test
  void mostArticlesFirstOrdersByPublicArticles() {
    Account mostlyScheduled = fixtures.author();
    Account published = fixtures.author();
    for (int i = 0; i < 45; i++) {
      fixtures
          .article(mostlyScheduled)
          .publishedAt(i < 40 ? Instant.now().plusSeconds(3600) : Instant.now().minusSeconds(60))
          .create();
    }
    for (int i = 0; i < 41; i++) {
      fixtures.article(published).create();
    }
    for (boolean byCursor : List.of(true, false)) {
      List<Map<String, Object>> listed = new ArrayList<>();
      String cursor = null;
      int page = 1;
      // Up to the first author with fewer than 5 public articles: both must be listed by then.
      while (listed.isEmpty() || (Integer) listed.get(listed.size() - 1).get("articles") >= 5) {
        var request = given().queryParam("sort", "-articles").queryParam("limit", 4);
        if (byCursor && cursor != null) {
          request.queryParam("cursor", cursor);
        } else if (!byCursor) {
          request.queryParam("page", page++);
        }
        Response answer =
            request.get("/api/v1/authors").then().statusCode(200).extract().response();
        List<Map<String, Object>> items = answer.jsonPath().getList("items");
        assertThat(items).as("a page before an author with fewer than 5 articles").isNotEmpty();
        assertThat(listed.size()).as("authors listed before one with fewer than 5").isLessThan(400);
        listed.addAll(items);
        cursor = answer.jsonPath().getString("page.next");
      }
      List<Integer> counts = listed.stream().map(a -> (Integer) a.get("articles")).toList();
      assertThat(counts).as("by cursor " + byCursor).isSortedAccordingTo(Comparator.reverseOrder());
      List<String> handles = listed.stream().map(a -> (String) a.get("handle")).toList();
      assertThat(handles).contains(published.handle(), mostlyScheduled.handle());
      assertThat(handles.indexOf(published.handle()))
          .isLessThan(handles.indexOf(mostlyScheduled.handle()));
      assertThat(listed.get(handles.indexOf(mostlyScheduled.handle())).get("articles"))
          .isEqualTo(5);
    }
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
