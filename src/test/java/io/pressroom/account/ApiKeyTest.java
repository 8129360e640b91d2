package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTest {

  @Inject Users users;

  @Test
  void adminsCreateKeysShownOnceThatAggregatorsSend() {
    Users.User admin = users.admin();
    Response created =
        admin
            .json()
            .body(Map.of("name", "Feed Reader Co"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/api-keys/"))
            .body("name", equalTo("Feed Reader Co"))
            .body("key", startsWith("prk_"))
            .extract()
            .response();
    assertThat(created.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("id", "name", "key", "prefix", "createdAt"));
    String key = created.jsonPath().getString("key");
    int id = created.jsonPath().getInt("id");

    String listing =
        admin
            .request()
            .get("/api/v1/api-keys")
            .then()
            .statusCode(200)
            .body("items.id", hasItem(id))
            .extract()
            .asString();
    assertThat(listing).doesNotContain(key);

    // Keyed requests share the anonymous answers kept in memory, but only once the key is known.
    given().get("/api/v1/tags").then().statusCode(200);
    given()
        .header("X-Api-Key", key)
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("X-Cache", "hit");
    given()
        .header("X-Api-Key", "prk_unknown")
        .get("/api/v1/tags")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");

    admin.request().delete("/api/v1/api-keys/" + id).then().statusCode(204);
    given().header("X-Api-Key", key).get("/api/v1/tags").then().statusCode(401);
    admin.request().get("/api/v1/api-keys").then().body("items.id", not(hasItem(id)));
    admin.request().delete("/api/v1/api-keys/" + id).then().statusCode(404);
  }

  @Test
  void theLocationOfANewKeyShowsItWithoutTheKeyUntilItIsRevoked() {
    Users.User admin = users.admin();
    Response created =
        admin
            .json()
            .body(Map.of("name", "Planet Aggregator"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .response();
    int id = created.jsonPath().getInt("id");
    // Absolute, on the public base URL: its path, asked of the app under test.
    String location = URI.create(created.getHeader("Location")).getPath();
    assertThat(location).isEqualTo("/api/v1/api-keys/" + id);

    Response shown =
        admin
            .request()
            .get(location)
            .then()
            .statusCode(200)
            .header("Cache-Control", "private, no-store")
            .body("id", equalTo(id))
            .body("name", equalTo("Planet Aggregator"))
            .body("prefix", equalTo(created.jsonPath().getString("prefix")))
            .body("createdAt", equalTo(created.jsonPath().getString("createdAt")))
            .extract()
            .response();
    assertThat(shown.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("id", "name", "prefix", "createdAt", "lastUsedAt"));
    assertThat(shown.asString()).doesNotContain(created.jsonPath().getString("key"));

    users.editor().request().get(location).then().statusCode(403);
    given().get(location).then().statusCode(401);
    admin.request().delete(location).then().statusCode(204);
    admin.request().get(location).then().statusCode(404).contentType("application/problem+json");
    admin.request().get("/api/v1/api-keys/not-a-number").then().statusCode(404);
  }

  @Test
  void theActiveKeysArePagedLikeEveryCollection() {
    Users.User admin = users.admin();
    List<Integer> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(
          admin
              .json()
              .body(Map.of("name", "Paged " + i))
              .post("/api/v1/api-keys")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    admin.request().delete("/api/v1/api-keys/" + created.get(1)).then().statusCode(204);

    // Every active key once, oldest first, two at a time, each page linking to the next.
    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    long total = -1;
    do {
      var request = admin.request().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/api-keys").then().statusCode(200).extract().response();
      seen.addAll(page.jsonPath().getList("items.id", Integer.class));
      cursor = page.jsonPath().getString("page.next");
      total = page.jsonPath().getLong("page.total");
      assertThat(page.jsonPath().getInt("page.limit")).isEqualTo(2);
      assertThat(page.getHeader("Link") != null).isEqualTo(cursor != null);
    } while (cursor != null);
    assertThat(seen).isSorted().doesNotHaveDuplicates().hasSize((int) total);
    assertThat(seen).contains(created.get(0), created.get(2)).doesNotContain(created.get(1));
  }

  @Test
  void onlyAdminsManageKeys() {
    Users.User editor = users.editor();
    editor.json().body(Map.of("name", "x")).post("/api/v1/api-keys").then().statusCode(403);
    editor.request().get("/api/v1/api-keys").then().statusCode(403);
    given().get("/api/v1/api-keys").then().statusCode(401);
    users
        .admin()
        .json()
        .body(Map.of("name", ""))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
  }
}
