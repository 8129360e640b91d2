package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.pressroom.account.Account;
import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.article.ArticleAuthoring;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangesFeedTest {

  @Inject Fixtures fixtures;
  @Inject ArticleAuthoring authoring;
  @Inject Users users;

  private record Poll(List<Map<String, Object>> items, String next) {}

  private static Poll poll(String cursor, String tag) {
    var request = given().queryParam("limit", 500);
    if (cursor != null) {
      request.queryParam("since", cursor);
    }
    if (tag != null) {
      request.queryParam("tag", tag);
    }
    JsonPath json = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    return new Poll(json.getList("items"), json.getString("next"));
  }

  /** Polls until nothing new comes, applying each change to {@code state}. */
  private static String drain(String cursor, String tag, Map<String, String> state) {
    for (int i = 0; i < 100; i++) {
      Poll poll = poll(cursor, tag);
      for (Map<String, Object> item : poll.items()) {
        state.put((String) item.get("slug"), (String) item.get("op"));
      }
      if (poll.items().isEmpty() && poll.next().equals(cursor)) {
        return cursor;
      }
      cursor = poll.next();
    }
    throw new AssertionError("the changes feed did not settle");
  }

  @Test
  void reportsPublicationsEditsAndDeletionsInOrder() {
    String tag = fixtures.tag();
    String start = drain(null, tag, new HashMap<>());
    Account author = fixtures.author();
    CurrentUser.Caller editor = new CurrentUser.Caller(author.id(), author.handle(), Role.EDITOR);
    String kept = fixtures.article(author).tags(tag).create();
    String removed = fixtures.article(author).tags(tag).create();
    fixtures.article(author).create();
    authoring.delete(editor, removed);

    Poll poll = poll(start, tag);
    assertThat(poll.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(kept + ":upsert", removed + ":delete");
    Map<String, Object> upsert = poll.items().get(0);
    assertThat(upsert.keySet()).containsExactlyInAnyOrder("op", "slug", "updatedAt", "article");
    assertThat(poll.items().get(1).keySet()).containsExactlyInAnyOrder("op", "slug", "deletedAt");
    assertThat(poll(poll.next(), tag).items()).isEmpty();

    authoring.unpublish(editor, kept);
    authoring.publish(editor, kept, Optional.empty());
    Poll again = poll(poll.next(), tag);
    assertThat(again.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(kept + ":upsert");
  }

  /**
   * An aggregator mirroring a tag must learn when an article leaves it, or it keeps showing an
   * article that is no longer in the tag (and, once deleted, one that is no longer anywhere): for
   * that tag's pollers leaving it is a delete, and coming back an upsert.
   */
  @Test
  void anArticleThatLeavesTheTagIsADeleteForThatTagsPollers() {
    String mirrored = fixtures.tag();
    String other = fixtures.tag();
    Users.User author = users.author();
    String slug = published(author, "Leaving", List.of(mirrored, other));
    String mirroredStart = drain(null, mirrored, new HashMap<>());
    String otherStart = drain(null, other, new HashMap<>());

    retag(author, slug, List.of(other));
    Poll left = poll(mirroredStart, mirrored);
    assertThat(left.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(slug + ":delete");
    assertThat(left.items().get(0)).containsKey("deletedAt");
    Poll stayed = poll(otherStart, other);
    assertThat(stayed.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(slug + ":upsert");

    retag(author, slug, List.of(other, mirrored));
    Poll back = poll(left.next(), mirrored);
    assertThat(back.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(slug + ":upsert");

    // Untagged, then deleted: the tag's pollers hear of it once, and nothing after.
    retag(author, slug, List.of(other));
    author.request().delete("/api/v1/articles/" + slug).then().statusCode(204);
    Poll gone = poll(back.next(), mirrored);
    assertThat(gone.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(slug + ":delete");
    assertThat(poll(gone.next(), mirrored).items()).isEmpty();
    Map<String, String> otherState = new HashMap<>();
    drain(stayed.next(), other, otherState);
    assertThat(otherState).containsEntry(slug, "delete");
  }

  /**
   * A tag whose last article leaves it is hidden from readers (no public article, no editor made
   * it), yet its mirror must still poll it to hear of that article leaving: the changes feed
   * accepts every existing tag, and hands out the delete.
   */
  @Test
  void aTagHiddenOnceItsLastArticleLeftStillHandsOutThatDelete() {
    Users.User author = users.author();
    String tagName = Fixtures.unique("only");
    String slug = published(author, "Last of its tag", List.of(tagName));
    String tag = tagName.toLowerCase();
    given().get("/api/v1/tags/" + tag).then().statusCode(200);
    String start = drain(null, tag, new HashMap<>());

    retag(author, slug, List.of(fixtures.tag()));
    given().get("/api/v1/tags/" + tag).then().statusCode(404);
    Poll left = poll(start, tag);
    assertThat(left.items())
        .extracting(i -> i.get("slug") + ":" + i.get("op"))
        .containsExactly(slug + ":delete");
  }

  /** A published article of {@code author} with these tags; returns its slug. */
  private String published(Users.User author, String title, List<String> tags) {
    return users.published(
        author,
        Map.of(
            "title",
            title + " " + Fixtures.unique("t"),
            "summary",
            title + ".",
            "body",
            "Body",
            "tags",
            tags));
  }

  private static void retag(Users.User author, String slug, List<String> tags) {
    author
        .json()
        .body(Map.of("tags", tags))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
  }

  @Test
  void aScheduledArticleIsAnnouncedOnceItsInstantHasPassed() throws InterruptedException {
    String tag = fixtures.tag();
    String start = drain(null, tag, new HashMap<>());
    String slug =
        fixtures
            .article(fixtures.author())
            .tags(tag)
            .publishedAt(Instant.now().plusSeconds(2))
            .create();
    Poll before = poll(start, tag);
    assertThat(before.items()).isEmpty();
    Thread.sleep(2500);
    Poll after = poll(before.next(), tag);
    assertThat(after.items()).extracting(i -> i.get("slug")).containsExactly(slug);
    assertThat(poll(after.next(), tag).items()).isEmpty();
  }

  @Test
  void aWriterThatCommitsLateIsNeitherMissedNorRepeated() throws Exception {
    // Two tags and two authors: writers that publish under the same tag take turns on its article
    // count (the V6 migration), and those of the same author on the author's count of live
    // articles (V26), and this test needs both transactions open at once. So the poll is not
    // filtered by tag, and only these two articles are looked at.
    String slowTag = fixtures.tag();
    String fastTag = fixtures.tag();
    String start = drain(null, null, new HashMap<>());
    Account author = fixtures.author();
    Account otherAuthor = fixtures.author();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<String> slow =
        pool.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          String slug = fixtures.article(author).tags(slowTag).create();
                          written.countDown();
                          release.await(20, TimeUnit.SECONDS);
                          return slug;
                        }));
    assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
    // Written after the slow one took its sequence number, but committed first.
    String fast = fixtures.article(otherAuthor).tags(fastTag).create();

    Poll whileOpen = poll(start, null);
    assertThat(whileOpen.items()).extracting(i -> i.get("slug")).doesNotContain(fast);

    release.countDown();
    String slowSlug = slow.get(20, TimeUnit.SECONDS);
    pool.shutdown();
    Poll afterCommit = poll(whileOpen.next(), null);
    List<Object> both = List.of(slowSlug, fast);
    assertThat(afterCommit.items())
        .extracting(i -> i.get("slug"))
        .filteredOn(both::contains)
        .containsExactly(slowSlug, fast);
    assertThat(poll(afterCommit.next(), null).items())
        .extracting(i -> i.get("slug"))
        .filteredOn(both::contains)
        .isEmpty();
  }

  @Test
  void concurrentWritersAndAPollerAgreeOnTheFinalState() throws Exception {
    String tag = fixtures.tag();
    String start = drain(null, tag, new HashMap<>());
    Account author = fixtures.author();
    CurrentUser.Caller editor = new CurrentUser.Caller(author.id(), author.handle(), Role.EDITOR);
    Map<String, String> seen = new HashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Future<String> poller =
        pool.submit(
            () -> {
              String cursor = start;
              while (writing.get()) {
                Poll poll = poll(cursor, tag);
                poll.items().forEach(i -> seen.put((String) i.get("slug"), (String) i.get("op")));
                cursor = poll.next();
              }
              return cursor;
            });
    List<Future<List<String>>> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      final int writer = w;
      writers.add(
          pool.submit(
              () -> {
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                  String slug = fixtures.article(author).tags(tag).create();
                  if ((i + writer) % 3 == 0) {
                    authoring.delete(editor, slug);
                  } else {
                    kept.add(slug);
                  }
                }
                return kept;
              }));
    }
    Set<String> expected = new HashSet<>();
    for (Future<List<String>> writer : writers) {
      expected.addAll(writer.get(60, TimeUnit.SECONDS));
    }
    writing.set(false);
    String cursor = poller.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    drain(cursor, tag, seen);

    Set<String> present = new HashSet<>();
    seen.forEach(
        (slug, op) -> {
          if (op.equals("upsert")) {
            present.add(slug);
          }
        });
    assertThat(present).isEqualTo(expected);
    given()
        .queryParam("tag", tag)
        .queryParam("limit", 100)
        .get("/api/v1/articles")
        .then()
        .body("page.total", equalTo(expected.size()));
  }

  @Test
  void aPollerThatSendsTheLastEntityTagGetsA304UntilSomethingChanges() {
    String tag = fixtures.tag();
    Account author = fixtures.author();
    fixtures.article(author).tags(tag).create();
    String cursor = drain(null, tag, new HashMap<>());
    String etag =
        given()
            .queryParam("since", cursor)
            .queryParam("tag", tag)
            .get("/api/v1/changes")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-cache")
            .body("items", empty())
            .extract()
            .header("ETag");
    assertThat(etag).isNotBlank();
    pollWithTag(cursor, tag, etag).statusCode(304).header("ETag", etag).body(is(emptyString()));

    String slug = fixtures.article(author).tags(tag).create();
    pollWithTag(cursor, tag, etag)
        .statusCode(200)
        .header("ETag", not(etag))
        .body("items.slug", contains(slug));
  }

  private static ValidatableResponse pollWithTag(String cursor, String tag, String etag) {
    return given()
        .queryParam("since", cursor)
        .queryParam("tag", tag)
        .header("If-None-Match", etag)
        .get("/api/v1/changes")
        .then();
  }

  @Test
  void rejectsBadCursorsTagsAndLimits() {
    given()
        .queryParam("since", "forged.cursor")
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
    given()
        .queryParam("tag", "no-such-tag-anywhere")
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("tag"));
    given()
        .queryParam("limit", "0")
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
  }
}
