package io.pressroom.tag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.Backends;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlValue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tag no editor made is shown while it has a public article (TagVisibility), which it reads from
 * the earliest publication of its live articles that the V24 trigger keeps on the tag: these tests
 * move that earliest article in the ways the count alone does not see, and race two writers of one
 * tag.
 */
@QuarkusTest
class TagPublicSinceTest {

  @Inject Fixtures fixtures;
  @Inject DataSource dataSource;

  @Test
  void aTagWhoseOnlyArticleIsRescheduledForLaterIsHiddenUntilThen() {
    String slug = fixtures.article(fixtures.author()).tags(Fixtures.unique("story")).create();
    String tag = tagOf(slug);
    given().get("/api/v1/tags/" + tag).then().statusCode(200);

    // Still live, so the tag's count of live articles does not move: only its instant does.
    Instant later = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    fixtures.setPublishedAt(slug, later);

    given().get("/api/v1/tags/" + tag).then().statusCode(404);
    given().get("/api/v1/tags/" + tag + "/articles").then().statusCode(404);
    Eventually.within(
        Duration.ofSeconds(5),
        () -> given().get("/api/v1/tags/" + tag).statusCode(),
        status -> status == 200);
    assertThat(Instant.now()).isAfterOrEqualTo(later);
    assertThat(publicSince(tag)).isEqualTo(later);
  }

  /**
   * One writer publishes an article of the tag while another unpublishes the tag's only public one:
   * the second waits for the first's lock on the tag, and must then count the article the first
   * published, although it was not committed when the second's statement began.
   */
  @Test
  void aTagKeepsTheArticleAnotherWriterPublishedWhileItsLastOneWasUnpublished() throws Exception {
    Account author = fixtures.author();
    String name = Fixtures.unique("story");
    String leaving = fixtures.article(author).tags(name).create();
    String arriving = fixtures.article(author).tags(name).create();
    fixtures.markDraft(arriving);
    String tag = tagOf(leaving);
    Instant arrivingAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);

    try (Connection publisher = dataSource.getConnection();
        Connection unpublisher = dataSource.getConnection()) {
      publisher.setAutoCommit(false);
      unpublisher.setAutoCommit(false);
      try (PreparedStatement publish =
          publisher.prepareStatement(
              "update articles set status = 'published', published_at = ? where slug = ?")) {
        publish.setTimestamp(1, Timestamp.from(arrivingAt));
        publish.setString(2, arriving);
        publish.executeUpdate();
      }
      int unpublisherPid = Backends.pid(unpublisher);
      CompletableFuture<Void> unpublished =
          CompletableFuture.runAsync(
              () -> {
                try (PreparedStatement unpublish =
                    unpublisher.prepareStatement(
                        "update articles set status = 'draft', published_at = null"
                            + " where slug = ?")) {
                  unpublish.setString(1, leaving);
                  unpublish.executeUpdate();
                  unpublisher.commit();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Eventually.within(Duration.ofSeconds(10), () -> waitsOnALock(unpublisherPid), w -> w);
      publisher.commit();
      unpublished.get(10, TimeUnit.SECONDS);
    }

    assertThat(publicSince(tag)).isEqualTo(arrivingAt);
    given().get("/api/v1/tags/" + tag).then().statusCode(200);
  }

  private String tagOf(String articleSlug) {
    return (String)
        value(
            "select t.slug from tags t join article_tags at on at.tag_id = t.id"
                + " join articles a on a.id = at.article_id where a.slug = ?",
            articleSlug);
  }

  private Instant publicSince(String tag) {
    Object at = value("select public_since from tags where slug = ?", tag);
    return at == null ? null : ((Timestamp) at).toInstant();
  }

  private boolean waitsOnALock(int pid) {
    return "Lock".equals(value("select wait_event_type from pg_stat_activity where pid = ?", pid));
  }

  private Object value(String sql, Object parameter) {
    return SqlValue.of(dataSource, sql, parameter);
  }
}
