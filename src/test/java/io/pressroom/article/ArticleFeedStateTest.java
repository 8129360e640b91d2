package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the changes feed records for a write, as the article decides it (no database). */
class ArticleFeedStateTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @ParameterizedTest(name = "publishing {0} s from now: {1}, listed {2}, announcement pending {3}")
  @CsvSource({"-1, UPSERT, true, false", "60, NONE, false, true"})
  void publishingRecordsAnUpsertNowOrLeavesItToTheFirstPollAfterItsInstant(
      long offsetSeconds, ArticleChanged.FeedOp op, boolean listed, boolean pending) {
    Article article = new Article();
    article.status = ArticleStatus.DRAFT;
    article.publish(NOW.plusSeconds(offsetSeconds), NOW);

    assertThat(article.settleFeed(NOW)).isEqualTo(op);
    assertThat(article.listed).isEqualTo(listed);
    assertThat(article.announcePending).isEqualTo(pending);
  }

  @Test
  void leavingTheReadersIsADeleteOnlyIfTheFeedHadShownIt() {
    Article shown = new Article();
    shown.publish(NOW.minusSeconds(60), NOW);
    shown.settleFeed(NOW);
    shown.markDeleted(NOW);
    assertThat(shown.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.DELETE);
    assertThat(shown.listed).isFalse();

    Article draft = new Article();
    draft.status = ArticleStatus.DRAFT;
    draft.unpublish(NOW);
    assertThat(draft.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.NONE);
  }
}
