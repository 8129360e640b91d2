package io.pressroom.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTest {

  private static final String REASON = "This copies our story without permission; take it down.";

  @Inject Users users;
  @Inject Fixtures fixtures;

  static String reportsOf(String slug) {
    return "/api/v1/articles/" + slug + "/reports";
  }

  private String article() {
    return fixtures.article(fixtures.author()).create();
  }

  static Map<String, Object> report(String reason, String contact) {
    Map<String, Object> body = new HashMap<>();
    body.put("reason", reason);
    if (contact != null) {
      body.put("contact", contact);
    }
    return body;
  }

  private static long file(String slug, String reason, String contact) {
    return given()
        .contentType(ContentType.JSON)
        .body(report(reason, contact))
        .post(reportsOf(slug))
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void anyoneFilesAReportAndGetsOnlyAReceipt() {
    String slug = article();
    String contact = Fixtures.unique("legal") + "@publisher.example";
    Response response =
        given()
            .contentType(ContentType.JSON)
            .body(report(REASON, contact))
            .post(reportsOf(slug))
            .then()
            .statusCode(201)
            .contentType("application/json")
            .header("Location", matchesPattern(".*/api/v1/reports/\\d+$"))
            .body("article", equalTo(slug))
            .body("status", equalTo("open"))
            .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("id", "article", "status", "createdAt"));
    assertThat(response.asString()).doesNotContain(contact).doesNotContain("127.0.0.1");

    users
        .reader()
        .json()
        .body(report(REASON, "https://publisher.example/contact"))
        .post(reportsOf(slug))
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", REASON, "contact", "  "))
        .post(reportsOf(slug))
        .then()
        .statusCode(201);

    Users.User editor = users.editor();
    long id = response.jsonPath().getLong("id");
    JsonPath seen =
        editor
            .request()
            .get("/api/v1/reports/" + id)
            .then()
            .statusCode(200)
            .header("Cache-Control", equalTo("private, no-store"))
            .body("id", equalTo((int) id))
            .body("article.slug", equalTo(slug))
            .body("article.title", not(nullValue()))
            .body("reason", equalTo(REASON))
            .body("contact", equalTo(contact))
            .body("status", equalTo("open"))
            .body("clientAddress", equalTo("127.0.0.1"))
            .body("handledBy", nullValue())
            .extract()
            .jsonPath();
    assertThat(seen.getString("updatedAt")).isEqualTo(seen.getString("createdAt"));
    for (String path : List.of("/api/v1/articles/" + slug, "/api/v1/articles", reportsOf(slug))) {
      assertThat(given().get(path).asString()).doesNotContain(contact);
    }
  }

  @Test
  void reportsAreValidated() {
    String slug = article();
    List<Object[]> cases =
        List.of(
            new Object[] {Map.of(), "reason"},
            new Object[] {report("too short", null), "reason"},
            new Object[] {report("   short    ", null), "reason"},
            new Object[] {report("x".repeat(2001), null), "reason"},
            new Object[] {report(REASON, "not a contact"), "contact"},
            new Object[] {report(REASON, "javascript:alert(1)"), "contact"},
            new Object[] {report(REASON, "ftp://files.example.org/"), "contact"},
            new Object[] {report(REASON, "a".repeat(250) + "@x.example"), "contact"},
            new Object[] {Map.of("reason", REASON, "status", "resolved"), "status"});
    for (Object[] c : cases) {
      given()
          .contentType(ContentType.JSON)
          .body(c[0])
          .post(reportsOf(slug))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains(c[1]));
    }
    given()
        .contentType(ContentType.JSON)
        .body(report("x".repeat(2000), "x@y.example"))
        .post(reportsOf(slug))
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(report(REASON, "a".repeat(240) + "@x.example"))
        .post(reportsOf(slug))
        .then()
        .statusCode(201);
  }

  @Test
  void onlyPublishedArticlesCanBeReported() {
    String draft = article();
    fixtures.markDraft(draft);
    String deleted = article();
    fixtures.markDeleted(deleted);
    for (var c :
        List.of(List.of("no-such-article", 404), List.of(draft, 404), List.of(deleted, 410))) {
      given()
          .contentType(ContentType.JSON)
          .body(report(REASON, null))
          .post(reportsOf((String) c.get(0)))
          .then()
          .statusCode((Integer) c.get(1))
          .contentType("application/problem+json");
    }
  }

  @Test
  void editorsListNewestFirstFilterByStatusAndPage() {
    String slug = article();
    long first = file(slug, REASON + " 1", null);
    long second = file(slug, REASON + " 2", "a@b.example");
    long third = file(slug, REASON + " 3", null);
    Users.User editor = users.editor();

    Response page1 =
        editor
            .request()
            .queryParam("limit", 2)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .header("Cache-Control", equalTo("private, no-store"))
            .body("items.id", contains((int) third, (int) second))
            .body("page.limit", equalTo(2))
            .extract()
            .response();
    String next = page1.jsonPath().getString("page.next");
    assertThat(next).isNotNull();
    assertThat(page1.header("Link"))
        .contains("/api/v1/reports?limit=2&cursor=")
        .endsWith("rel=\"next\"");
    editor
        .request()
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo((int) first));

    editor
        .json()
        .body(Map.of("status", "resolved"))
        .patch("/api/v1/reports/" + second)
        .then()
        .statusCode(200)
        .body("status", equalTo("resolved"))
        .body("handledBy", equalTo(editor.handle()))
        .body("contact", equalTo("a@b.example"));
    users
        .admin()
        .json()
        .body(Map.of("status", "dismissed"))
        .patch("/api/v1/reports/" + third)
        .then()
        .statusCode(200)
        .body("status", equalTo("dismissed"));

    editor
        .request()
        .queryParam("status", "open")
        .queryParam("limit", 100)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.status", everyItem(equalTo("open")))
        .body("items.id", hasItem((int) first))
        .body("items.id", not(hasItem((int) second)));
    editor
        .request()
        .queryParam("status", "resolved")
        .queryParam("limit", 100)
        .get("/api/v1/reports")
        .then()
        .body("items.status", everyItem(equalTo("resolved")))
        .body("items.id", hasItem((int) second));
    editor
        .request()
        .queryParam("status", "closed")
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"));
    editor
        .json()
        .body(Map.of("status", "closed"))
        .patch("/api/v1/reports/" + first)
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"));
    editor
        .json()
        .body(Map.of("status", "open", "reason", "rewritten"))
        .patch("/api/v1/reports/" + first)
        .then()
        .statusCode(400);
    editor
        .json()
        .body(Map.of("status", "resolved"))
        .patch("/api/v1/reports/" + Long.MAX_VALUE)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    editor.request().get("/api/v1/reports/" + Long.MAX_VALUE).then().statusCode(404);
  }

  @Test
  void onlyEditorsSeeOrHandleReports() {
    long id = file(article(), REASON, "secret-contact@publisher.example");
    for (Users.User user : List.of(users.reader(), users.author())) {
      user.request()
          .get("/api/v1/reports")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      user.request().get("/api/v1/reports/" + id).then().statusCode(403);
      user.json()
          .body(Map.of("status", "dismissed"))
          .patch("/api/v1/reports/" + id)
          .then()
          .statusCode(403);
    }
    given().get("/api/v1/reports").then().statusCode(401);
    given().get("/api/v1/reports/" + id).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "dismissed"))
        .patch("/api/v1/reports/" + id)
        .then()
        .statusCode(401);
    users.editor().request().get("/api/v1/reports/" + id).then().body("status", equalTo("open"));
  }
}
