package io.pressroom.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Backends;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlValue;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A write to an article locks the article, then its tags (their counts, V6 and V24); an editor's
 * write to a tag that changes its articles (a rename, a deletion) must take those locks in the same
 * order, or each waits for the other. Here a transaction holds an article as its own writes do
 * while the editor writes the article's tag, then touches the tag as the article's triggers do.
 */
@QuarkusTest
class TagLockOrderTest {

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject DataSource dataSource;

  @Test
  void deletingATagWaitsForAnArticleWriteInsteadOfDeadlockingWithIt() throws Exception {
    raceWithArticleWrite(
        tag -> users.editor().request().delete("/api/v1/tags/" + tag).statusCode());
  }

  @Test
  void renamingATagWaitsForAnArticleWriteInsteadOfDeadlockingWithIt() throws Exception {
    raceWithArticleWrite(
        tag ->
            users
                .editor()
                .json()
                .body(Map.of("name", Fixtures.unique("Renamed")))
                .patch("/api/v1/tags/" + tag)
                .statusCode());
  }

  private void raceWithArticleWrite(Function<String, Integer> tagWrite) throws Exception {
    String slug = fixtures.article(fixtures.author()).tags(Fixtures.unique("locked")).create();
    String tag =
        (String)
            SqlValue.of(
                dataSource,
                "select t.slug from tags t join article_tags at on at.tag_id = t.id"
                    + " join articles a on a.id = at.article_id where a.slug = ?",
                slug);
    CompletableFuture<Integer> editor;
    try (Connection articleWrite = dataSource.getConnection()) {
      articleWrite.setAutoCommit(false);
      Backends.run(articleWrite, "select id from articles where slug = ? for update", slug);
      int writer = Backends.pid(articleWrite);
      editor = CompletableFuture.supplyAsync(() -> tagWrite.apply(tag));
      Eventually.within(Duration.ofSeconds(10), () -> blockedBy(writer), blocked -> blocked);
      // What the article's count triggers do to its tags, while the editor waits for the article.
      Backends.run(articleWrite, "update tags set description = description where slug = ?", tag);
      articleWrite.commit();
    }
    assertThat(editor.get(20, TimeUnit.SECONDS)).isIn(200, 204);
  }

  private boolean blockedBy(int pid) {
    Object waiting =
        SqlValue.of(
            dataSource,
            "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))",
            pid);
    return ((Number) waiting).longValue() > 0;
  }
}
