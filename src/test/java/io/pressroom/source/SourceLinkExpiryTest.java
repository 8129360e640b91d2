package io.pressroom.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.pressroom.support.TightLimits;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** With a one-second lifetime, a link works at once and answers 410 once it expired. */
@QuarkusTest
@TestProfile(TightLimits.class)
class SourceLinkExpiryTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void anExpiredLinkIsGone() throws InterruptedException {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    Instant before = Instant.now();
    var link =
        reader
            .request()
            .post("/api/v1/articles/" + slug + "/source-link")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Instant after = Instant.now();
    Instant expiresAt = Instant.parse(link.getString("expiresAt"));
    // One second from when the link was issued, within the request (a loaded machine can take
    // seconds to answer), plus a second for rounding.
    assertThat(expiresAt).isBetween(before, after.plusSeconds(2));
    String go = PublicUrls.path(link.getString("url"));

    given()
        .redirects()
        .follow(false)
        .get(go)
        .then()
        .statusCode(302)
        .header("Location", equalTo("https://news.example.com/original"));

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1100);
    given()
        .redirects()
        .follow(false)
        .get(go)
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/gone"))
        .body("detail", equalTo("This link expired; ask for a new one."));

    // An altered expired token is still a forgery first.
    String token = go.substring(go.indexOf("/go/") + 4);
    given()
        .redirects()
        .follow(false)
        .get("/go/" + token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))
        .then()
        .statusCode(401);
  }
}
