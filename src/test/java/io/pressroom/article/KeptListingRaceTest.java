package io.pressroom.article;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pressroom.support.Backends;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two writers racing on what one kept summary shows (V16): whichever commits last, the kept JSON
 * that listings send must show both changes. Two plain JDBC connections play the two writers, so
 * the order of their statements and commits is exact.
 */
@QuarkusTest
class KeptListingRaceTest {

  @Inject Users users;
  @Inject DataSource dataSource;

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  @Test
  void anArticleSavedWhileItsTagIsRenamedKeepsTheNewName() throws Exception {
    Users.User author = users.author();
    String tagName = "Race " + Fixtures.unique("t");
    String slug = write(author, "Raced " + Fixtures.unique("a"), tagName);
    long article = articleId(slug);
    String renamed = "Renamed " + Fixtures.unique("t");

    try (Connection rename = transaction();
        Connection save = transaction()) {
      Backends.run(rename, "update tags set name = ? where name = ?", renamed, tagName);
      // The save runs while the rename is open: it may wait for it, or not, but must end right.
      Future<?> saving =
          other.submit(
              () -> {
                Backends.run(
                    save, "update articles set title = ? where id = ?", "Saved title", article);
                return null;
              });
      int savePid = Backends.pid(save);
      Eventually.within(
          Duration.ofSeconds(10),
          () -> saving.isDone() || waitsForALock(savePid),
          Boolean::booleanValue);
      rename.commit();
      saving.get();
      save.commit();
    }

    String kept = kept(article);
    assertTrue(kept.contains("\"name\":\"" + renamed + "\""), kept);
    assertTrue(kept.contains("\"title\":\"Saved title\""), kept);
  }

  @Test
  void aTagAddedWhileItIsRenamedShowsTheNewName() throws Exception {
    Users.User author = users.author();
    String tagName = "Race " + Fixtures.unique("t");
    write(author, "Carrier " + Fixtures.unique("a"), tagName);
    // A draft, so that adding the tag does not touch the tag's public count (and its row).
    long article = articleId(write(author, "Untagged " + Fixtures.unique("a")));
    String renamed = "Renamed " + Fixtures.unique("t");

    try (Connection rename = transaction();
        Connection tag = transaction()) {
      Backends.run(rename, "update tags set name = ? where name = ?", renamed, tagName);
      Backends.run(
          tag,
          "insert into article_tags (article_id, tag_id, position)"
              + " select ?, id, 0 from tags where name = ?",
          article,
          tagName);
      tag.commit();
      rename.commit();
    }

    String kept = kept(article);
    assertTrue(kept.contains("\"name\":\"" + renamed + "\""), kept);
  }

  private Connection transaction() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  private boolean waitsForALock(int pid) {
    return Boolean.TRUE.equals(
        single(
            "select wait_event_type = 'Lock' from pg_stat_activity where pid = ?",
            pid,
            Boolean.class));
  }

  private long articleId(String slug) {
    return single("select id from articles where slug = ?", slug, Long.class);
  }

  private String kept(long article) {
    return single(
        "select summary_json from article_listings where article_id = ?", article, String.class);
  }

  private <T> T single(String sql, Object value, Class<T> type) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getObject(1, type) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Users.User author, String title, String... tags) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("summary", "A summary.");
    body.put("body", "Some *body* text.");
    body.put("tags", List.of(tags));
    return author
        .json()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }
}
