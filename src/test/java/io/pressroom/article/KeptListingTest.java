package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Listings send each article's kept summary JSON (V12, kept by triggers): every write that changes
 * what a summary shows must show in the listing at once, and the kept bytes must be what Jackson
 * writes for the same summary.
 */
@QuarkusTest
class KeptListingTest {

  /** Every field of a listed article, in the order Jackson writes them. */
  private static final List<String> SUMMARY_FIELDS =
      List.of(
          "slug",
          "title",
          "summary",
          "author",
          "tags",
          "publishedAt",
          "updatedAt",
          "readingMinutes",
          "coverImageUrl",
          "stats");

  @Inject Users users;
  @Inject ObjectMapper mapper;
  @Inject EntityManager entityManager;

  @Test
  void aListedSummaryIsWhatTheArticlePageShowsAndWhatJacksonWrites() throws Exception {
    Users.User author = users.author();
    String slug =
        write(
            author,
            "Quotes \"here\", a back\\slash, ünïcødé ✓ and 🦀",
            "Tab\there, line\nfeed, carriage\rreturn, DEL\u007f and </script>",
            "Rust",
            "C++");
    users.publish(slug);
    String raw = listingOf(author).extract().asString();
    JsonNode item = mapper.readTree(raw).get("items").get(0);

    ObjectNode detail =
        (ObjectNode) mapper.readTree(given().get("/api/v1/articles/" + slug).asString());
    ObjectNode expected = mapper.createObjectNode();
    SUMMARY_FIELDS.forEach(f -> expected.set(f, detail.get(f)));
    assertEquals(mapper.writeValueAsString(expected), mapper.writeValueAsString(item));

    // Asking for every field re-writes the page through Jackson: the bytes must not change.
    String everyField =
        given()
            .get(
                "/api/v1/articles?author="
                    + author.handle()
                    + "&fields="
                    + String.join(",", SUMMARY_FIELDS))
            .asString();
    assertEquals(everyField, raw);
  }

  @Test
  void anEditShowsInTheListing() {
    Users.User author = users.author();
    String slug = write(author, "Before the edit", "Old summary.", "Rust");
    users.publish(slug);
    listingOf(author).body("items[0].title", equalTo("Before the edit"));

    users
        .editor()
        .json()
        .body(
            Map.of(
                "title",
                "After the edit",
                "summary",
                "New summary.",
                "tags",
                List.of("Linux", "Rust"),
                "coverImageUrl",
                "https://images.example.net/new.png"))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);

    listingOf(author)
        .body("items[0].title", equalTo("After the edit"))
        .body("items[0].summary", equalTo("New summary."))
        .body("items[0].tags.slug", contains("linux", "rust"))
        .body("items[0].coverImageUrl", equalTo("https://images.example.net/new.png"));
  }

  @Test
  void publishingAndUnpublishingShowInTheListing() {
    Users.User author = users.author();
    String slug = write(author, "Soon " + Fixtures.unique("p"), "A summary.");
    listingOf(author).body("items", empty());

    users.publish(slug);
    String publishedAt =
        given().get("/api/v1/articles/" + slug).then().extract().path("publishedAt");
    listingOf(author)
        .body("items.slug", contains(slug))
        .body("items[0].publishedAt", equalTo(publishedAt));

    users.editor().request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    listingOf(author).body("items", empty());
  }

  @Test
  void aTagRenamedOrDeletedShowsInTheListing() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String tagName = "Kept " + Fixtures.unique("t");
    String slug = write(author, "Tagged " + Fixtures.unique("a"), "A summary.", tagName);
    users.publish(slug);
    String tagSlug = listingOf(author).extract().path("items[0].tags[0].slug");

    String renamed = "Renamed " + Fixtures.unique("t");
    editor
        .json()
        .body(Map.of("name", renamed))
        .patch("/api/v1/tags/" + tagSlug)
        .then()
        .statusCode(200);
    listingOf(author).body("items[0].tags.name", contains(renamed));
    given()
        .get("/api/v1/tags/" + tagSlug + "/articles")
        .then()
        .body("items[0].tags.name", contains(renamed));

    editor.request().delete("/api/v1/tags/" + tagSlug).then().statusCode(204);
    listingOf(author).body("items[0].tags", empty());
  }

  @Test
  void anAuthorsProfileChangeShowsInTheListing() {
    Users.User author = users.author();
    String slug = write(author, "Profiled " + Fixtures.unique("a"), "A summary.");
    users.publish(slug);

    author
        .json()
        .body(Map.of("name", "New Byline", "avatarUrl", "https://secure.gravatar.com/avatar/me"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);

    listingOf(author)
        .body("items[0].author.name", equalTo("New Byline"))
        .body("items[0].author.avatarUrl", equalTo("https://secure.gravatar.com/avatar/me"))
        .body("items[0].author.handle", equalTo(author.handle()));
  }

  @Test
  void counterChangesAreSplicedIntoTheListing() {
    Users.User author = users.author();
    String slug = write(author, "Liked " + Fixtures.unique("a"), "A summary.");
    users.publish(slug);
    listingOf(author).body("items[0].stats.likes", equalTo(0));

    Users.User reader = users.reader();
    reader.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);
    reader
        .json()
        .body(Map.of("score", 4))
        .put("/api/v1/articles/" + slug + "/rating")
        .then()
        .statusCode(lessThan(300));

    listingOf(author)
        .body("items", hasSize(1))
        .body("items[0].stats.likes", equalTo(1))
        .body("items[0].stats.ratingCount", equalTo(1))
        .body("items[0].stats.ratingAverage", equalTo(4.0f));
  }

  @Test
  void aSummaryTheTriggersHaveNotWrittenIsComposedOnTheSpot() throws Exception {
    Users.User author = users.author();
    String slug = write(author, "Composed " + Fixtures.unique("a"), "A summary.", "Kept Rows");
    users.publish(slug);
    JsonNode kept = mapper.readTree(listingOf(author).extract().asString()).get("items").get(0);
    String tag = kept.get("tags").get(0).get("slug").asText();

    // As a load that bypassed the triggers leaves it: no kept row for a public article.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "delete from article_listings where article_id ="
                            + " (select id from articles where slug = :slug)")
                    .setParameter("slug", slug)
                    .executeUpdate());

    // Pages not asked for before (the response cache holds the first).
    for (String page :
        List.of(
            "/api/v1/articles?author=" + author.handle() + "&limit=7",
            "/api/v1/articles?tag=" + tag)) {
      JsonNode composed = mapper.readTree(given().get(page).asString()).get("items").get(0);
      assertEquals(mapper.writeValueAsString(kept), mapper.writeValueAsString(composed), page);
    }
  }

  private ValidatableResponse listingOf(Users.User author) {
    return given().get("/api/v1/articles?author=" + author.handle()).then().statusCode(200);
  }

  private String write(Users.User author, String title, String summary, String... tags) {
    return users.draft(
        author,
        Map.of(
            "title",
            title,
            "summary",
            summary,
            "body",
            "Some *body* text.",
            "tags",
            List.of(tags)));
  }
}
