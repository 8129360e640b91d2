package io.pressroom.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceRedirectTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject EntityManager entityManager;

  /** A published article whose source is {@code url} (null for none). */
  private String article(String url) {
    Account author = fixtures.author();
    String slug = fixtures.article(author).create();
    setSource(slug, url);
    return slug;
  }

  private static String uniqueSource() {
    return "https://news.example.com/" + Fixtures.unique("story") + "?ref=feed&x=1";
  }

  void setSource(String slug, String url) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update articles set source_url = :url where slug = :slug")
                    .setParameter("url", url)
                    .setParameter("slug", slug)
                    .executeUpdate());
  }

  static String sourceOf(String slug) {
    return "/api/v1/articles/" + slug + "/source";
  }

  static String linkOf(String slug) {
    return "/api/v1/articles/" + slug + "/source-link";
  }

  @Test
  void aSignedInReaderIsRedirectedToTheStoredSource() {
    String url = uniqueSource();
    String slug = article(url);
    Users.User reader = users.reader();

    reader
        .request()
        .redirects()
        .follow(false)
        .get(sourceOf(slug))
        .then()
        .statusCode(302)
        .header("Location", equalTo(url))
        .header("Cache-Control", equalTo("no-store"));
    reader
        .request()
        .redirects()
        .follow(false)
        .queryParam("url", "https://evil.example/phish")
        .queryParam("to", "https://evil.example/phish")
        .get(sourceOf(slug))
        .then()
        .statusCode(302)
        .header("Location", equalTo(url));
  }

  @Test
  void anonymousCallersGetA401() {
    String slug = article(uniqueSource());
    given()
        .redirects()
        .follow(false)
        .get(sourceOf(slug))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("/problems/unauthorized"));
    given().redirects().follow(false).post(linkOf(slug)).then().statusCode(401);
  }

  @Test
  void withoutASourceOrAPublishedArticleThereIsNothingToOpen() {
    Users.User reader = users.reader();
    String none = article(null);
    String draft = article(uniqueSource());
    fixtures.markDraft(draft);
    String deleted = article(uniqueSource());
    fixtures.markDeleted(deleted);

    for (String path : new String[] {sourceOf(none), linkOf(none)}) {
      var request = reader.request().redirects().follow(false);
      (path.endsWith("link") ? request.post(path) : request.get(path))
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/not-found"));
    }
    reader.request().redirects().follow(false).get(sourceOf(draft)).then().statusCode(404);
    reader.request().post(linkOf(draft)).then().statusCode(404);
    reader
        .request()
        .redirects()
        .follow(false)
        .get(sourceOf(deleted))
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
    reader.request().post(linkOf(deleted)).then().statusCode(410);
    reader
        .request()
        .redirects()
        .follow(false)
        .get(sourceOf("no-such-article"))
        .then()
        .statusCode(404);
  }

  @Test
  void aSignedLinkRedirectsAnyoneToTheSourceOfItsArticle() {
    String url = uniqueSource();
    String slug = article(url);
    String otherUrl = uniqueSource();
    article(otherUrl);
    Users.User reader = users.reader();

    Instant before = Instant.now();
    JsonPath link =
        reader
            .request()
            .post(linkOf(slug))
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("Cache-Control", equalTo("no-store"))
            .body(
                "url",
                matchesPattern("http://api\\.pressroom\\.test/go/[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+"))
            .extract()
            .jsonPath();
    Instant expiresAt = Instant.parse(link.getString("expiresAt"));
    assertThat(Duration.between(before, expiresAt))
        .isBetween(Duration.ofMinutes(5).minusSeconds(1), Duration.ofMinutes(5).plusSeconds(5));

    String go = PublicUrls.path(link.getString("url"));
    for (int i = 0; i < 2; i++) {
      given()
          .redirects()
          .follow(false)
          .get(go)
          .then()
          .statusCode(302)
          .header("Location", equalTo(url))
          .header("Cache-Control", equalTo("no-store"));
    }
    given()
        .redirects()
        .follow(false)
        .queryParam("url", otherUrl)
        .get(go)
        .then()
        .statusCode(302)
        .header("Location", equalTo(url));
  }

  @Test
  void forgedOrAlteredTokensGetA401() {
    String slug = article(uniqueSource());
    String otherSlug = article(uniqueSource());
    Users.User reader = users.reader();
    String token = token(reader, slug);
    String otherToken = token(reader, otherSlug);
    String[] parts = token.split("\\.");
    String[] otherParts = otherToken.split("\\.");
    char last = parts[2].charAt(0);
    String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    long later = Long.parseLong(parts[1]) + 3600;

    for (String forged :
        new String[] {
          parts[0] + "." + parts[1] + "." + flipped,
          otherParts[0] + "." + parts[1] + "." + parts[2],
          parts[0] + "." + later + "." + parts[2],
          parts[0] + "." + parts[1] + "." + otherParts[2],
          parts[0] + "." + parts[1],
          "not-a-token",
          token + "x"
        }) {
      given()
          .redirects()
          .follow(false)
          .get("/go/" + forged)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/unauthorized"))
          .body("status", equalTo(401));
    }
    given().redirects().follow(false).get("/go/" + token).then().statusCode(302);
  }

  @Test
  void aLinkStopsWorkingWhenItsArticleLosesItsSourceOrIsDeleted() {
    String url = uniqueSource();
    String slug = article(url);
    Users.User reader = users.reader();
    String token = token(reader, slug);

    setSource(slug, null);
    given().redirects().follow(false).get("/go/" + token).then().statusCode(404);
    setSource(slug, url);
    given().redirects().follow(false).get("/go/" + token).then().statusCode(302);
    fixtures.markDraft(slug);
    given().redirects().follow(false).get("/go/" + token).then().statusCode(404);
    fixtures.markDeleted(slug);
    given()
        .redirects()
        .follow(false)
        .get("/go/" + token)
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
  }

  @Test
  void theArticleNeverShowsItsSourceUrl() {
    String url = uniqueSource();
    Account author = fixtures.author();
    String slug = fixtures.article(author).create();
    setSource(slug, url);
    Users.User reader = users.reader();
    Users.User editor = users.editor();

    for (var request :
        new io.restassured.specification.RequestSpecification[] {
          given(), reader.request(), editor.request()
        }) {
      String detail =
          request
              .get("/api/v1/articles/" + slug)
              .then()
              .statusCode(200)
              .body("source.available", equalTo(true))
              .extract()
              .asString();
      assertThat(detail).doesNotContain(url).doesNotContain("news.example.com");
    }
    String list =
        given()
            .queryParam("author", author.handle())
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(list).doesNotContain("news.example.com");
  }

  private static String token(Users.User user, String slug) {
    String url = user.request().post(linkOf(slug)).then().statusCode(200).extract().path("url");
    return url.substring(url.indexOf("/go/") + 4);
  }
}
