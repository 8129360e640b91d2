package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint called by every kind of caller: anonymous, each role, the wrong author, a
 * disabled account, and forged, expired and wrongly signed tokens.
 */
@QuarkusTest
class AuthorizationMatrixTest {

  @Inject Users users;
  @Inject TokenKeys keys;
  @Inject Fixtures fixtures;

  private Users.User owner;
  private Users.User editor;
  private Users.User admin;

  /** One endpoint: how to call it on fresh data, and the status each caller must get. */
  private record Endpoint(
      String name,
      Function<RequestSpecification, io.restassured.response.Response> call,
      Map<String, Integer> expected) {}

  @Test
  void everyWriteEndpointAnswersEveryCallerAsItShould() throws Exception {
    owner = users.author();
    editor = users.editor();
    admin = users.admin();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("anonymous", null);
    tokens.put("reader", users.reader().accessToken());
    tokens.put("wrong author", users.author().accessToken());
    tokens.put("owner", owner.accessToken());
    tokens.put("editor", editor.accessToken());
    tokens.put("admin", admin.accessToken());
    Users.User disabled = users.editor();
    admin
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + disabled.handle())
        .then()
        .statusCode(200);
    tokens.put("disabled", disabled.accessToken());
    tokens.put("forged", forged(owner.accessToken(), admin.id()));
    tokens.put("expired", signed(keys.privateKey(), admin, Instant.now().minusSeconds(1)));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    tokens.put(
        "wrongly signed",
        signed(generator.generateKeyPair().getPrivate(), admin, Instant.now().plusSeconds(300)));

    List<String> failures = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (Map.Entry<String, String> caller : tokens.entrySet()) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (caller.getValue() != null) {
          request.header("Authorization", "Bearer " + caller.getValue());
        }
        int status = endpoint.call().apply(request).statusCode();
        int expected = endpoint.expected().getOrDefault(caller.getKey(), 401);
        if (status != expected) {
          failures.add(
              endpoint.name()
                  + " as "
                  + caller.getKey()
                  + ": "
                  + status
                  + " instead of "
                  + expected);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private List<Endpoint> endpoints() {
    Map<String, Integer> authorOrBetter =
        Map.of("reader", 403, "wrong author", 201, "owner", 201, "editor", 201, "admin", 201);
    Map<String, Integer> ownerOrEditor200 =
        Map.of("reader", 403, "wrong author", 403, "owner", 200, "editor", 200, "admin", 200);
    Map<String, Integer> ownerOrEditor204 =
        Map.of("reader", 403, "wrong author", 403, "owner", 204, "editor", 204, "admin", 204);
    // Another author's draft is not there for them, as for a read: a 403 would confirm that a
    // guessed slug (made from a headline) is an unpublished article.
    Map<String, Integer> draftOwnerOrEditor200 = with(ownerOrEditor200, "wrong author", 404);
    Map<String, Integer> draftOwnerOrEditor204 = with(ownerOrEditor204, "wrong author", 404);
    Map<String, Integer> editors200 =
        Map.of("reader", 403, "wrong author", 403, "owner", 403, "editor", 200, "admin", 200);
    Map<String, Integer> editors201 =
        Map.of("reader", 403, "wrong author", 403, "owner", 403, "editor", 201, "admin", 201);
    Map<String, Integer> editors204 =
        Map.of("reader", 403, "wrong author", 403, "owner", 403, "editor", 204, "admin", 204);
    Map<String, Integer> anySignedIn200 =
        Map.of("reader", 200, "wrong author", 200, "owner", 200, "editor", 200, "admin", 200);
    Map<String, Integer> admins =
        Map.of("reader", 403, "wrong author", 403, "owner", 403, "editor", 403);
    return List.of(
        new Endpoint(
            "POST /articles", r -> r.body(article()).post("/api/v1/articles"), authorOrBetter),
        new Endpoint(
            "PATCH /articles/{draft}",
            r -> r.body(Map.of("summary", "Changed.")).patch("/api/v1/articles/" + draft()),
            draftOwnerOrEditor200),
        new Endpoint(
            "PATCH /articles/{published}",
            r -> r.body(Map.of("summary", "Changed.")).patch("/api/v1/articles/" + published()),
            ownerOrEditor200),
        new Endpoint(
            "POST /articles/{slug}/publish",
            r -> r.post("/api/v1/articles/" + draft() + "/publish"),
            editors200),
        new Endpoint(
            "POST /articles/{slug}/unpublish",
            r -> r.post("/api/v1/articles/" + draft() + "/unpublish"),
            editors200),
        new Endpoint(
            "DELETE /articles/{draft}",
            r -> r.delete("/api/v1/articles/" + draft()),
            draftOwnerOrEditor204),
        new Endpoint(
            "DELETE /articles/{published}",
            r -> r.delete("/api/v1/articles/" + published()),
            ownerOrEditor204),
        new Endpoint(
            "PATCH /me", r -> r.body(Map.of("bio", "Hi")).patch("/api/v1/me"), anySignedIn200),
        new Endpoint("GET /accounts", r -> r.get("/api/v1/accounts"), with(admins, "admin", 200)),
        new Endpoint(
            "PATCH /accounts/{handle}",
            r ->
                r.body(Map.of("role", "author"))
                    .patch("/api/v1/accounts/" + users.reader().handle()),
            with(admins, "admin", 200)),
        new Endpoint(
            "POST /api-keys",
            r -> r.body(Map.of("name", "k")).post("/api/v1/api-keys"),
            with(admins, "admin", 201)),
        new Endpoint("GET /api-keys", r -> r.get("/api/v1/api-keys"), with(admins, "admin", 200)),
        new Endpoint(
            "POST /tags",
            r -> r.body(Map.of("name", Fixtures.unique("tag"))).post("/api/v1/tags"),
            editors201),
        new Endpoint(
            "PATCH /tags/{slug}",
            r -> r.body(Map.of("description", "d")).patch("/api/v1/tags/" + tag()),
            editors200),
        new Endpoint("DELETE /tags/{slug}", r -> r.delete("/api/v1/tags/" + tag()), editors204),
        new Endpoint(
            "DELETE /api-keys/{id}",
            r -> r.delete("/api/v1/api-keys/" + apiKey()),
            with(admins, "admin", 204)));
  }

  private static Map<String, Integer> with(Map<String, Integer> base, String caller, int status) {
    Map<String, Integer> map = new LinkedHashMap<>(base);
    map.put(caller, status);
    return map;
  }

  private static Map<String, Object> article() {
    return Map.of("title", "Matrix " + Fixtures.unique("t"), "summary", "S", "body", "B");
  }

  private String draft() {
    return owner
        .json()
        .body(article())
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  private String published() {
    String slug = draft();
    users.publish(slug);
    return slug;
  }

  private String tag() {
    return fixtures.tag();
  }

  private int apiKey() {
    return admin
        .json()
        .body(Map.of("name", "to revoke"))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A token as the API issues them (audience, key id), but signed with {@code key}. */
  private String signed(java.security.PrivateKey key, Users.User user, Instant expiresAt) {
    return AccessTokenTest.token(
        key, keys.keyId(), AccessTokenTest.AUDIENCE, user, "pressroom", expiresAt);
  }

  /** The owner's real token with its subject changed to someone else's: the signature breaks. */
  private static String forged(String token, long otherAccountId) {
    String[] parts = token.split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"" + otherAccountId + "\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
