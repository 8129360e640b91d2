package io.pressroom.author;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.support.Concurrently;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowApiTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject EntityManager entityManager;

  @Test
  void followingIsIdempotentAndCounted() {
    Account author = fixtures.author();
    Users.User reader = users.reader();
    Users.User other = users.reader();

    reader.request().put(path(author.handle())).then().statusCode(204).body(emptyString());
    reader.request().put(path(author.handle())).then().statusCode(204);
    assertThat(followers(author.handle())).isEqualTo(1);
    other.request().put(path(author.handle())).then().statusCode(204);
    assertThat(followers(author.handle())).isEqualTo(2);

    other.request().delete(path(author.handle())).then().statusCode(204).body(emptyString());
    other.request().delete(path(author.handle())).then().statusCode(204);
    assertThat(followers(author.handle())).isEqualTo(1);
    assertThat(rows(author.handle())).isEqualTo(1);
  }

  @Test
  void theProfileShowsWhetherTheCallerFollowsOnlyToSignedInCallers() {
    Account author = fixtures.author();
    fixtures.article(author).create();
    Users.User follower = users.reader();
    Users.User stranger = users.reader();
    follower.request().put(path(author.handle())).then().statusCode(204);

    given()
        .get("/api/v1/authors/" + author.handle())
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
        .body("followers", equalTo(1))
        .body("viewer", nullValue());
    assertThat(given().get("/api/v1/authors/" + author.handle()).jsonPath().getMap(""))
        .doesNotContainKey("viewer");
    follower
        .request()
        .get("/api/v1/authors/" + author.handle())
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-cache")
        .body("viewer.following", equalTo(true));
    stranger
        .request()
        .get("/api/v1/authors/" + author.handle())
        .then()
        .statusCode(200)
        .body("viewer.following", equalTo(false));

    JsonPath list =
        follower
            .request()
            .queryParam("sort", "-followers")
            .queryParam("limit", 100)
            .get("/api/v1/authors")
            .then()
            .statusCode(200)
            .header("Cache-Control", "private, no-cache")
            .extract()
            .jsonPath();
    assertThat(list.getList("items.viewer.following")).doesNotContainNull();
    assertThat(
            list.getBoolean(
                "items.find { it.handle == '" + author.handle() + "' }.viewer.following"))
        .isTrue();
    JsonPath anonymous =
        given().queryParam("limit", 5).get("/api/v1/authors").then().extract().jsonPath();
    assertThat(anonymous.getList("items.viewer")).containsOnlyNulls();

    String slug = fixtures.article(author).create();
    follower
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("viewer.followingAuthor", equalTo(true));
    stranger
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("viewer.followingAuthor", equalTo(false));
  }

  @Test
  void followingYourselfIsRefused() {
    Users.User author = users.author();
    fixtures.article(accountOf(author)).create();
    author
        .request()
        .put(path(author.handle()))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/bad-request"))
        .body("detail", equalTo("You cannot follow yourself."));
    author.request().delete(path(author.handle())).then().statusCode(400);
    Users.User reader = users.reader();
    reader.request().put(path(reader.handle())).then().statusCode(400);
    assertThat(followers(author.handle())).isZero();
  }

  @Test
  void onlyAuthorsCanBeFollowedAndOnlyBySignedInCallers() {
    Account author = fixtures.author();
    Account reader = fixtures.account(Role.READER);
    Users.User caller = users.reader();

    given()
        .put(path(author.handle()))
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().delete(path(author.handle())).then().statusCode(401);
    caller
        .request()
        .put(path(reader.handle()))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    caller.request().delete(path(reader.handle())).then().statusCode(404);
    caller.request().put(path("nobody-" + Fixtures.unique("x"))).then().statusCode(404);
    caller.request().delete(path("nobody-" + Fixtures.unique("x"))).then().statusCode(404);

    users.editor().request().put(path(author.handle())).then().statusCode(204);
    users.author().request().put(path(author.handle())).then().statusCode(204);
    Account editor = fixtures.account(Role.EDITOR);
    caller.request().put(path(editor.handle())).then().statusCode(204);
    assertThat(followers(author.handle())).isEqualTo(2);
    assertThat(followers(editor.handle())).isEqualTo(1);
  }

  @Test
  void aFollowerCanUnfollowSomeoneWhoIsNoLongerAnAuthor() {
    Users.User author = users.author();
    Users.User reader = users.reader();
    reader.request().put(path(author.handle())).then().statusCode(204);
    users.setRole(author.handle(), Role.READER);

    reader.request().delete(path(author.handle())).then().statusCode(204);
    assertThat(rows(author.handle())).isZero();
    reader.request().delete(path(author.handle())).then().statusCode(404);
  }

  @Test
  void twentyReadersFollowingAtOnceAreTwentyFollowers() throws Exception {
    Account author = fixtures.author();
    List<Callable<Users.User>> signUps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      signUps.add(users::reader);
    }
    List<Users.User> readers = Concurrently.run(4, signUps);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (Users.User reader : readers) {
      calls.add(() -> reader.request().put(path(author.handle())).statusCode());
      calls.add(() -> reader.request().put(path(author.handle())).statusCode());
    }

    assertThat(Concurrently.run(20, calls)).containsOnly(204);
    assertThat(followers(author.handle())).isEqualTo(20);

    List<Callable<Integer>> mixed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Users.User reader = readers.get(i % 4);
      mixed.add(
          i % 3 == 0
              ? () -> reader.request().put(path(author.handle())).statusCode()
              : () -> reader.request().delete(path(author.handle())).statusCode());
    }
    assertThat(Concurrently.run(16, mixed)).containsOnly(204);
    assertThat((long) followers(author.handle())).isEqualTo(rows(author.handle()));
    given()
        .queryParam("sort", "-followers")
        .queryParam("limit", 100)
        .get("/api/v1/authors")
        .then()
        .body("items.handle", hasItem(author.handle()));
  }

  private Account accountOf(Users.User user) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Account.<Account>find("handle", user.handle()).firstResult());
  }

  private static String path(String handle) {
    return "/api/v1/authors/" + handle + "/follow";
  }

  private int followers(String handle) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select follower_count from accounts where handle = :h")
                            .setParameter("h", handle)
                            .getSingleResult())
                    .intValue());
  }

  private long rows(String handle) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from follows f join accounts u on u.id ="
                                    + " f.author_id where u.handle = :h")
                            .setParameter("h", handle)
                            .getSingleResult())
                    .longValue());
  }
}
