package io.pressroom.comment;

import static io.pressroom.comment.CommentApiTest.commentsOf;
import static io.pressroom.comment.CommentApiTest.statsComments;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The comment count stays exact when many people comment and delete at the same moment. */
@QuarkusTest
class CommentConcurrencyTest {

  private static final int THREADS = 12;

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void commentsPostedAtOnceAreAllCounted() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      readers.add(users.reader());
    }
    long root = CommentApiTest.post(readers.get(0), slug, "Root.");
    int perThread = 5;

    List<Integer> statuses =
        all(
            THREADS,
            t ->
                () -> {
                  List<Integer> codes = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    codes.add(
                        readers
                            .get(t % readers.size())
                            .json()
                            .body(
                                i % 2 == 0
                                    ? Map.of("body", "Thread " + t + " says " + i)
                                    : Map.of("body", "Reply " + t + "/" + i, "parentId", root))
                            .post(commentsOf(slug))
                            .statusCode());
                  }
                  return codes;
                });

    assertThat(statuses).hasSize(THREADS * perThread).containsOnly(201);
    int expected = 1 + THREADS * perThread;
    assertThat(statsComments(slug)).isEqualTo(expected);
    int total = given().get(commentsOf(slug)).then().statusCode(200).extract().path("page.total");
    assertThat(total).isEqualTo(expected);
  }

  @Test
  void racingDeletionsCountEachCommentOnce() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User author = users.reader();
    Users.User editor = users.editor();
    long root = CommentApiTest.post(author, slug, "Root.");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      ids.add(CommentApiTest.post(author, slug, "Reply " + i, root));
    }
    assertThat(statsComments(slug)).isEqualTo(THREADS + 1);

    // The author and an editor each try to delete every reply, and the root, all at once.
    List<Integer> statuses =
        all(
            2 * THREADS + 2,
            t ->
                () -> {
                  Users.User who = t % 2 == 0 ? author : editor;
                  long id = t / 2 < THREADS ? ids.get(t / 2) : root;
                  return List.of(who.request().delete("/api/v1/comments/" + id).statusCode());
                });

    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(THREADS + 1);
    assertThat(statuses.stream().filter(s -> s == 410)).hasSize(THREADS + 1);
    assertThat(statsComments(slug)).isZero();
    given()
        .get(commentsOf(slug))
        .then()
        .statusCode(200)
        .body("page.total", org.hamcrest.Matchers.equalTo(0));
  }

  /** Runs {@code count} tasks released at the same instant; returns all their results. */
  private static List<Integer> all(
      int count, java.util.function.IntFunction<Callable<List<Integer>>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < count; t++) {
        Callable<List<Integer>> work = task.apply(t);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<List<Integer>> future : futures) {
        results.addAll(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
