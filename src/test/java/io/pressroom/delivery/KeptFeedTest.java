package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signed-in reader's own feed is kept for that reader alone: asked again, it is the same bytes
 * and validator with no statement, and it follows every write that changes it at once (a follow, a
 * publication, feedback on an article it shows); another reader never gets it, nor does a token
 * that no longer holds.
 */
@QuarkusTest
class KeptFeedTest {

  private static final String FEED = "/api/v1/me/feed";

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;

  private static void follow(Users.User reader, Account author) {
    reader.request().put("/api/v1/authors/" + author.handle() + "/follow").then().statusCode(204);
  }

  private static ExtractableResponse<Response> feed(Users.User reader, String cache) {
    return reader
        .request()
        .get(FEED)
        .then()
        .statusCode(200)
        .header("X-Cache", cache)
        .header("Cache-Control", "private, no-cache")
        .header("xkey", nullValue())
        .extract();
  }

  private static List<String> slugs(ExtractableResponse<Response> feed) {
    return feed.jsonPath().getList("items.slug", String.class);
  }

  @Test
  void aReadersFeedIsKeptForThemAloneAndFollowsEveryWriteThatChangesIt() {
    Account author = fixtures.author();
    Account other = fixtures.author();
    Instant now = Instant.now();
    String first = fixtures.article(author).publishedAt(now.minusSeconds(3 * 3600)).create();
    String others = fixtures.article(other).publishedAt(now.minusSeconds(2 * 3600)).create();
    Users.User reader = users.reader();
    follow(reader, author);

    ExtractableResponse<Response> built = feed(reader, "miss");
    assertThat(slugs(built)).containsExactly(first);
    ExtractableResponse<Response>[] kept = new ExtractableResponse[1];
    assertThat(statements.countDuring(() -> kept[0] = feed(reader, "hit")))
        .as("statements of a kept feed")
        .isZero();
    assertThat(kept[0].asByteArray()).isEqualTo(built.asByteArray());
    assertThat(kept[0].header("ETag")).isEqualTo(built.header("ETag"));
    reader
        .request()
        .header("If-None-Match", kept[0].header("ETag"))
        .get(FEED)
        .then()
        .statusCode(304);

    // Another reader, following nobody, gets their own.
    Users.User stranger = users.reader();
    assertThat(slugs(feed(stranger, "miss"))).isEmpty();
    feed(stranger, "hit");

    follow(reader, other);
    assertThat(slugs(feed(reader, "miss"))).containsExactly(others, first);
    feed(reader, "hit");

    String newer = fixtures.article(author).publishedAt(now.minusSeconds(3600)).create();
    assertThat(slugs(feed(reader, "miss"))).containsExactly(newer, others, first);
    feed(reader, "hit");

    stranger.request().put("/api/v1/articles/" + first + "/like").then().statusCode(204);
    feed(reader, "miss").response().then().body("items[2].stats.likes", equalTo(1));

    reader.request().delete("/api/v1/authors/" + other.handle() + "/follow").then().statusCode(204);
    assertThat(slugs(feed(reader, "miss"))).containsExactly(newer, first);
  }

  @Test
  void aKeptFeedNeedsTheTokenToHoldStill() {
    Account author = fixtures.author();
    fixtures.article(author).create();
    Users.User reader = users.reader();
    follow(reader, author);
    feed(reader, "miss");
    feed(reader, "hit");

    given()
        .header("Authorization", "Bearer " + reader.accessToken() + "x")
        .get(FEED)
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", reader.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    reader.request().get(FEED).then().statusCode(401);
  }
}
