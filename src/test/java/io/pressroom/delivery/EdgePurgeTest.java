package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.article.ArticleChanged;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(EdgeCacheProfile.class)
class EdgePurgeTest {

  /** What the stand-in for Varnish received: PURGE requests and their keys. */
  record Purge(String method, Set<String> keys) {}

  private static final List<Purge> RECEIVED = new CopyOnWriteArrayList<>();
  private static final List<Instant> RECEIVED_AT = new CopyOnWriteArrayList<>();
  private static HttpServer varnish;

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject EntityManager entityManager;
  @Inject Event<ArticleChanged> changes;
  @Inject MeterRegistry meters;

  @BeforeAll
  static void startVarnish() throws IOException {
    varnish = receiver();
  }

  @AfterAll
  static void stopVarnish() {
    varnish.stop(0);
  }

  @BeforeEach
  void nothingQueued() {
    eventually("the queue to empty", () -> queued() == 0);
    RECEIVED.clear();
    RECEIVED_AT.clear();
  }

  @Test
  void publicAnswersNameWhatTheyShowAndPersonalOnesAreNotShared() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String article = "article-" + fixtures.articleId(slug);

    for (int i = 0; i < 2; i++) {
      // The second answer is the in-memory copy: it keeps the keys.
      given()
          .get("/api/v1/articles/" + slug)
          .then()
          .statusCode(200)
          .header("X-Cache", i == 0 ? "miss" : "hit")
          .header("xkey", equalTo("pressroom " + article))
          .header("Surrogate-Control", matchesPattern("max-age=\\d+"))
          .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300");
    }
    assertKeys("/api/v1/articles", "pressroom", "articles", article);
    assertKeys("/api/v1/tags/" + tag + "/articles", "pressroom", "articles", article);
    assertKeys("/feeds/tags/" + tag + ".atom", "pressroom", "articles", article);
    assertKeys("/api/v1/tags", "pressroom", "tags");
    assertKeys("/api/v1/authors", "pressroom", "authors");

    users
        .reader()
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("xkey", nullValue())
        .header("Surrogate-Control", nullValue())
        .header("Cache-Control", "private, no-cache");
    String key =
        users
            .admin()
            .json()
            .body(Map.of("name", "Edge Reader Co"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("key");
    for (int i = 0; i < 2; i++) {
      given()
          .header("X-Api-Key", key)
          .get("/api/v1/articles/" + slug)
          .then()
          .statusCode(200)
          .header("xkey", nullValue())
          .header("Surrogate-Control", nullValue())
          .header("Cache-Control", "private, no-cache");
    }
  }

  @Test
  void anEditSendsOnePurgeOfWhatItChangedAfterItCommits() {
    Users.User editor = users.editor();
    String slug = fixtures.article(fixtures.author()).create();
    long id = fixtures.articleId(slug);
    nothingQueued();

    editor
        .json()
        .body(Map.of("summary", "A sharper summary."))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);

    eventually("the purge and its echo to arrive", () -> RECEIVED.size() == 2 && queued() == 0);
    Purge purge = new Purge("PURGE", Set.of("article-" + id, "articles", "tags", "authors"));
    assertThat(RECEIVED).containsExactly(purge, purge);
    assertThat(Duration.between(RECEIVED_AT.get(0), RECEIVED_AT.get(1)))
        .as("the echo comes later, for answers fetched while the first purge went out")
        .isGreaterThanOrEqualTo(EdgePurges.ECHO.minusMillis(500));
  }

  @Test
  void discussionsNameTheirArticleAndACommentersNewNamePurgesThemAll() {
    String slug = fixtures.article(fixtures.author()).create();
    long id = fixtures.articleId(slug);
    Users.User reader = users.reader();
    reader
        .json()
        .body(Map.of("body", "At the edge."))
        .post("/api/v1/articles/" + slug + "/comments")
        .then()
        .statusCode(201);
    assertKeys(
        "/api/v1/articles/" + slug + "/comments", "pressroom", "discussions", "article-" + id);
    eventually("the comment's purge and its echo", () -> queued() == 0);
    RECEIVED.clear();

    reader.json().body(Map.of("name", "Edge Commenter")).patch("/api/v1/me").then().statusCode(200);

    eventually("the purge and its echo to arrive", () -> RECEIVED.size() == 2 && queued() == 0);
    Purge purge = new Purge("PURGE", Set.of("discussions"));
    assertThat(RECEIVED).containsExactly(purge, purge);
  }

  @Test
  void aScheduledPublicationIsPurgedAgainAtItsInstant() {
    Users.User editor = users.editor();
    String slug = fixtures.article(fixtures.author()).create();
    fixtures.markDraft(slug);
    long id = fixtures.articleId(slug);
    nothingQueued();
    Instant at = Instant.now().plusSeconds(7).truncatedTo(ChronoUnit.SECONDS);

    editor
        .json()
        .body(Map.of("at", at.toString()))
        .post("/api/v1/articles/" + slug + "/publish")
        .then()
        .statusCode(200);

    // The sender takes a purge out of the queue once the receiver has answered it: wait for both.
    eventually(
        "the purge of the scheduling write, and its echo and the purge due at the instant left",
        () -> RECEIVED.size() == 1 && queued() == 2);
    assertThat(Instant.now()).isBefore(at);
    assertThat(meters.get("pressroom.edge.purges.oldest.age").gauge().value())
        .as("a purge waiting for its instant is no backlog")
        .isZero();
    eventually("the purge at the instant", () -> RECEIVED.size() == 3 && queued() == 0);
    assertThat(RECEIVED_AT.get(2)).isAfterOrEqualTo(at);
    Purge expected = new Purge("PURGE", Set.of("article-" + id, "articles", "tags", "authors"));
    assertThat(RECEIVED).containsExactly(expected, expected, expected);
  }

  @Test
  void aWriteThatRollsBackPurgesNothing() {
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          changes.fire(
                              new ArticleChanged(-1, "failed", ArticleChanged.Kind.FEEDBACK));
                          throw new IllegalStateException("The write fails after its event");
                        }))
        .hasMessageContaining("The write fails");
    assertThat(queued()).isZero();
    QuarkusTransaction.requiringNew()
        .run(() -> changes.fire(new ArticleChanged(-2, "kept", ArticleChanged.Kind.FEEDBACK)));

    eventually("the purge and its echo to arrive", () -> RECEIVED.size() == 2 && queued() == 0);
    Purge purge = new Purge("PURGE", Set.of("article--2"));
    assertThat(RECEIVED).containsExactly(purge, purge);
  }

  @Test
  void aPurgeTheCacheMissedIsSentAgainUntilItArrives() throws IOException {
    double failedBefore = meters.counter("pressroom.edge.purges.failed").count();
    double deliveredBefore = meters.counter("pressroom.edge.purges.delivered").count();
    varnish.stop(0);
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> changes.fire(new ArticleChanged(-3, "late", ArticleChanged.Kind.FEEDBACK)));
      eventually(
          "a failed attempt",
          () -> meters.counter("pressroom.edge.purges.failed").count() > failedBefore);
      assertThat(queued()).as("the purge and its echo").isEqualTo(2);
      // The pass reads the oldest waiting purge after the failed attempt's transaction.
      eventually(
          "the oldest purge's age",
          () -> meters.get("pressroom.edge.purges.oldest.age").gauge().value() > 0);
    } finally {
      varnish = receiver();
    }

    eventually("the purges to arrive", () -> !RECEIVED.isEmpty() && queued() == 0);
    assertThat(RECEIVED).containsOnly(new Purge("PURGE", Set.of("article--3")));
    assertThat(meters.counter("pressroom.edge.purges.delivered").count())
        .isEqualTo(deliveredBefore + 2);
  }

  private static void assertKeys(String path, String... keys) {
    String xkey =
        given()
            .get(path)
            .then()
            .statusCode(200)
            .header("Surrogate-Control", containsString("max-age="))
            .extract()
            .header("xkey");
    assertThat(xkey).isNotNull();
    assertThat(Arrays.asList(xkey.split(" "))).contains(keys);
  }

  private long queued() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("select count(*) from edge_purges")
                            .getSingleResult())
                    .longValue());
  }

  private static HttpServer receiver() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", EdgeCacheProfile.RECEIVER_PORT), 0);
    server.createContext(
        "/",
        exchange -> {
          String keys = exchange.getRequestHeaders().getFirst("xkey");
          RECEIVED_AT.add(Instant.now());
          RECEIVED.add(
              new Purge(
                  exchange.getRequestMethod(),
                  keys == null
                      ? Set.of()
                      : Arrays.stream(keys.split(" ")).collect(Collectors.toSet())));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static void eventually(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
