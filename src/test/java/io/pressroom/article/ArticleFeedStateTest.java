package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the changes feed records for a write, as the article decides it (no database). */
class ArticleFeedStateTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static Article article() {
    return new Article();
  }

  @Test
  void publishingNowIsAnUpsertAndMarksItListed() {
    Article article = article();
    article.status = ArticleStatus.DRAFT;
    article.publish(NOW.minusSeconds(1), NOW);

    assertThat(article.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.UPSERT);
    assertThat(article.listed).isTrue();
    assertThat(article.announcePending).isFalse();
  }

  @Test
  void schedulingRecordsNothingYetAndLeavesTheAnnouncementPending() {
    Article article = article();
    article.status = ArticleStatus.DRAFT;
    article.publish(NOW.plusSeconds(60), NOW);

    assertThat(article.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.NONE);
    assertThat(article.listed).isFalse();
    assertThat(article.announcePending).isTrue();
  }

  @Test
  void leavingTheReadersIsADeleteOnlyIfTheFeedHadShownIt() {
    Article shown = article();
    shown.publish(NOW.minusSeconds(60), NOW);
    shown.settleFeed(NOW);
    shown.markDeleted(NOW);
    assertThat(shown.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.DELETE);
    assertThat(shown.listed).isFalse();

    Article draft = article();
    draft.status = ArticleStatus.DRAFT;
    draft.unpublish(NOW);
    assertThat(draft.settleFeed(NOW)).isEqualTo(ArticleChanged.FeedOp.NONE);
  }

  @Test
  void theEntityTagIsTheVersion() {
    assertThat(Article.versionTag(7)).isEqualTo("v7");
  }
}
