package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Notifications;
import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Another instance on the same database is played by a plain JDBC connection: it changes rows the
 * way that instance's services would and announces them on {@code pressroom_invalidation} in the
 * same transaction, as {@link InvalidationNotifier} does.
 */
@QuarkusTest
class CrossInstanceInvalidationTest {

  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final String OTHER = "v1 other-instance ";

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject ResponseCache cache;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void anotherInstancesEditReplacesTheKeptAnswerWithinASecond() throws SQLException {
    String slug = fixtures.article(fixtures.author()).create();
    String page = "/api/v1/articles/" + slug;
    kept(page);
    double receivedBefore = metric("pressroom_invalidation_received_total");

    Instant committed =
        otherInstance(
            "update articles set title = 'Edited elsewhere' where slug = ?",
            slug,
            OTHER + "listings");

    Response fresh =
        Eventually.within(
            Duration.ofSeconds(5),
            () -> given().get(page),
            r -> "Edited elsewhere".equals(r.path("title")));
    assertThat(Duration.between(committed, Instant.now())).isLessThan(WITHIN_A_SECOND);
    assertThat(fresh.header("X-Cache")).isEqualTo("miss");
    given().get(page).then().header("X-Cache", "hit");
    assertThat(metric("pressroom_invalidation_received_total")).isGreaterThan(receivedBefore);
    assertThat(metric("pressroom_invalidation_listener_connected")).isEqualTo(1.0);
  }

  @Test
  void feedbackElsewhereDropsOnlyThatArticlesAnswers() throws SQLException {
    String liked = fixtures.article(fixtures.author()).create();
    String other = fixtures.article(fixtures.author()).create();
    kept("/api/v1/articles/" + liked);
    kept("/api/v1/articles/" + other);

    otherInstance(
        "update article_counters set like_count = like_count + 1 where article_id = (select id from articles where slug = ?)",
        liked,
        OTHER + "article " + articleId(liked));

    Eventually.within(
        WITHIN_A_SECOND,
        () -> given().get("/api/v1/articles/" + liked),
        r -> Integer.valueOf(1).equals(r.path("stats.likes")));
    given().get("/api/v1/articles/" + other).then().header("X-Cache", "hit");
  }

  @Test
  void aCommentersNewNameElsewhereDropsOnlyKeptDiscussions() throws SQLException {
    String slug = fixtures.article(fixtures.author()).create();
    String discussion = "/api/v1/articles/" + slug + "/comments";
    Users.User reader = users.reader();
    reader.json().body(Map.of("body", "Said here.")).post(discussion).then().statusCode(201);
    kept(discussion);
    kept("/api/v1/articles/" + slug);

    otherInstance(
        "update accounts set name = 'Renamed Elsewhere' where handle = ?",
        reader.handle(),
        OTHER + "discussions");

    Eventually.within(
        WITHIN_A_SECOND,
        () -> given().get(discussion),
        r -> "Renamed Elsewhere".equals(r.path("items[0].author.name")));
    given().get("/api/v1/articles/" + slug).then().header("X-Cache", "hit");
  }

  @Test
  void aRolledBackWriteDropsNothing() throws SQLException {
    String untouched = fixtures.article(fixtures.author()).create();
    String marker = fixtures.article(fixtures.author()).create();
    kept("/api/v1/articles/" + untouched);
    kept("/api/v1/articles/" + marker);

    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      execute(connection, "update articles set title = 'Never' where slug = ?", untouched);
      announce(connection, OTHER + "listings");
      connection.rollback();
      // Notifications arrive in commit order: once this one is applied, the other would have been.
      announce(connection, OTHER + "article " + articleId(marker));
      connection.commit();
    }

    Eventually.within(
        WITHIN_A_SECOND,
        () -> given().get("/api/v1/articles/" + marker).header("X-Cache"),
        "miss"::equals);
    given()
        .get("/api/v1/articles/" + untouched)
        .then()
        .header("X-Cache", "hit")
        .body("title", org.hamcrest.Matchers.not("Never"));
  }

  @Test
  void anInstanceThatLostItsListenerServesNothingKeptUntilItListensAgain() throws SQLException {
    String tag = fixtures.tag();
    String page = "/api/v1/tags/" + tag;
    kept(page);
    assertThat(metric("pressroom_invalidation_listener_connected")).isEqualTo(1.0);
    Users.User reader = users.reader();
    reader.request().get("/api/v1/me").then().statusCode(200);

    try (Connection blocker = connect()) {
      // Holds the listener back once it has reconnected: it reads the scheduled publications
      // before it lets the cache serve again. Tag pages do not read articles.
      blocker.setAutoCommit(false);
      execute(blocker, "lock table articles in access exclusive mode");
      List<Integer> lost = listenerBackends();
      assertThat(lost).isNotEmpty();
      try (Connection admin = connect()) {
        for (int pid : lost) {
          execute(admin, "select pg_terminate_backend(" + pid + ", 5000)");
        }
      }
      // A write elsewhere while this instance may not be listening: its notification can be lost.
      otherInstance(
          "update tags set description = 'Changed while deaf' where slug = ?",
          tag,
          OTHER + "listings");

      Eventually.within(
          Duration.ofSeconds(10),
          this::listenerBackends,
          pids -> !pids.isEmpty() && pids.stream().noneMatch(lost::contains));
      // Nor are remembered account checks trusted: a disabling is read from the database at once.
      otherInstance(
          "update accounts set disabled = true where id = ?::bigint",
          String.valueOf(reader.id()),
          OTHER + "listings");
      reader.request().get("/api/v1/me").then().statusCode(401);
      for (int i = 0; i < 3; i++) {
        given()
            .get(page)
            .then()
            .statusCode(200)
            .header("X-Cache", "miss")
            .body("description", org.hamcrest.Matchers.equalTo("Changed while deaf"));
      }
      assertThat(metric("pressroom_invalidation_listener_connected")).isEqualTo(0.0);
      // Scheduled publications may have been missed meanwhile: shared caches keep nothing either.
      assertThat(cache.nextScheduledPublication().orElseThrow()).isBeforeOrEqualTo(Instant.now());
      blocker.rollback();
    }

    Response hit =
        Eventually.within(
            Duration.ofSeconds(10),
            () -> given().get(page),
            r -> {
              assertThat(r.<String>path("description")).isEqualTo("Changed while deaf");
              return "hit".equals(r.header("X-Cache"));
            });
    assertThat(hit.statusCode()).isEqualTo(200);
    // The listener serves again, then says it is connected: a moment apart, on its thread.
    Eventually.within(
        Duration.ofSeconds(1),
        () -> metric("pressroom_invalidation_listener_connected"),
        v -> v == 1.0);
  }

  @Test
  void aPublicationScheduledElsewhereEndsKeptListingsAtItsInstant() throws SQLException {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    fixtures.markDraft(slug);
    String listing = "/api/v1/tags/" + tag + "/articles";
    kept(listing);

    Instant at;
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update =
          connection.prepareStatement(
              "update articles set status = 'published',"
                  + " published_at = date_trunc('milliseconds', now()) + interval '2 seconds'"
                  + " where slug = ? returning published_at")) {
        update.setString(1, slug);
        try (ResultSet row = update.executeQuery()) {
          row.next();
          at = row.getTimestamp(1).toInstant();
        }
      }
      announce(connection, OTHER + "listings " + at);
      connection.commit();
    }

    // The announcement arrives on the listener's thread; until then the old copy is still a hit.
    // What shared caches in front are told to respect as well.
    Eventually.within(
        Duration.ofSeconds(1), cache::nextScheduledPublication, Optional.of(at)::equals);
    // Before its instant the article is not listed, and the listing is kept again meanwhile.
    Eventually.within(
        Duration.ofSeconds(1),
        () -> given().get(listing),
        r -> "hit".equals(r.header("X-Cache")) && r.<List<?>>path("items").isEmpty());
    Response listed =
        Eventually.within(
            Duration.between(Instant.now(), at).plusMillis(500),
            () -> given().get(listing),
            r -> r.<List<String>>path("items.slug").contains(slug));
    assertThat(Instant.now()).isAfterOrEqualTo(at);
    assertThat(listed.statusCode()).isEqualTo(200);
  }

  @Test
  void anApiKeyRevokedElsewhereStopsWorkingWithinASecond() throws SQLException {
    Map<String, Object> created =
        users
            .admin()
            .json()
            .body(Map.of("name", Fixtures.unique("Reader Co")))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    String key = (String) created.get("key");
    given().header("X-Api-Key", key).get("/api/v1/tags").then().statusCode(200);

    otherInstance(
        "update api_keys set revoked_at = now() where id = ?::bigint",
        String.valueOf(created.get("id")),
        OTHER + "api-keys");

    Eventually.within(
        WITHIN_A_SECOND,
        () -> given().header("X-Api-Key", key).get("/api/v1/tags").statusCode(),
        status -> status == 401);
  }

  @Test
  void writesHereAreAnnouncedToTheOthersWhenTheyCommit() throws SQLException {
    Users.User author = users.author();
    // Signed up before listening: giving an account its role is announced too (V14).
    Users.User editor = users.editor();
    String slug = fixtures.article(fixtures.author()).create();
    try (Connection other = connect()) {
      execute(other, "listen pressroom_invalidation");
      PGConnection listening = other.unwrap(PGConnection.class);
      listening.getNotifications(100);

      editor
          .json()
          .body(Map.of("summary", "Corrected here."))
          .patch("/api/v1/articles/" + slug)
          .then()
          .statusCode(200);
      author.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);

      List<String> payloads =
          Notifications.received(listening, WITHIN_A_SECOND, got -> got.size() >= 2);
      assertThat(payloads.get(0)).matches("v1 [A-Za-z0-9_-]+ listings");
      assertThat(payloads.get(1)).matches("v1 [A-Za-z0-9_-]+ article " + articleId(slug));
    }
  }

  @Test
  void aCommentersNewNameIsAnnouncedAsDiscussionsWhenItCommits() throws SQLException {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    reader
        .json()
        .body(Map.of("body", "Said before a rename."))
        .post("/api/v1/articles/" + slug + "/comments")
        .then()
        .statusCode(201);
    try (Connection other = connect()) {
      execute(other, "listen pressroom_invalidation");
      PGConnection listening = other.unwrap(PGConnection.class);
      listening.getNotifications(100);

      reader
          .json()
          .body(Map.of("name", "Announced Name"))
          .patch("/api/v1/me")
          .then()
          .statusCode(200);

      // The comment's own announcement (feedback, sent after its commit) may come first.
      Notifications.received(
          listening,
          WITHIN_A_SECOND,
          payloads -> payloads.stream().anyMatch(p -> p.matches("v1 [A-Za-z0-9_-]+ discussions")));
    }
  }

  @Test
  void feedbackOnManyArticlesAtOnceIsAnnouncedForEveryArticleAfterItsCommit() throws Exception {
    Users.User reader = users.reader();
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slugs.add(fixtures.article(fixtures.author()).create());
    }
    try (Connection other = connect()) {
      execute(other, "listen pressroom_invalidation");
      PGConnection listening = other.unwrap(PGConnection.class);
      listening.getNotifications(100);

      for (String slug : slugs) {
        reader.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);
        reader
            .json()
            .body(Map.of("body", "Gathered with the others."))
            .post("/api/v1/articles/" + slug + "/comments")
            .then()
            .statusCode(201);
      }

      List<String> expected = new ArrayList<>();
      for (String slug : slugs) {
        expected.add("article " + articleId(slug));
      }
      List<String> payloads = new ArrayList<>();
      Eventually.within(
          WITHIN_A_SECOND,
          () -> {
            try {
              PGNotification[] received = listening.getNotifications(50);
              for (PGNotification notification :
                  received == null ? new PGNotification[0] : received) {
                payloads.add(notification.getParameter().replaceFirst("^v1 [A-Za-z0-9_-]+ ", ""));
              }
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
            return payloads;
          },
          received -> received.containsAll(expected));
    }
  }

  /** Asks twice so that the answer is kept, and checks that it is. */
  private static void kept(String path) {
    given().get(path).then().statusCode(200);
    Eventually.within(
        Duration.ofSeconds(10), () -> given().get(path).header("X-Cache"), "hit"::equals);
  }

  /** Runs {@code sql} with one text parameter and announces {@code payload}, in one transaction. */
  private Instant otherInstance(String sql, String parameter, String payload) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      assertThat(execute(connection, sql, parameter)).isEqualTo(1);
      announce(connection, payload);
      connection.commit();
      return Instant.now();
    }
  }

  private static void announce(Connection connection, String payload) throws SQLException {
    try (PreparedStatement notify =
        connection.prepareStatement("select pg_notify('pressroom_invalidation', ?)")) {
      notify.setString(1, payload);
      notify.execute();
    }
  }

  private static int execute(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement.execute() ? -1 : statement.getUpdateCount();
    }
  }

  private long articleId(String slug) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement("select id from articles where slug = ?")) {
      select.setString(1, slug);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private List<Integer> listenerBackends() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select pid from pg_stat_activity where application_name = 'pressroom-listener'")) {
      List<Integer> pids = new ArrayList<>();
      while (rows.next()) {
        pids.add(rows.getInt(1));
      }
      return pids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private double metric(String name) {
    String text = given().get(metrics).then().statusCode(200).extract().asString();
    return text.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
