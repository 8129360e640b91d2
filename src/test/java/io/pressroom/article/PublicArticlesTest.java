package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicArticlesTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Instant BEFORE = NOW.minusSeconds(60);
  private static final Instant AFTER = NOW.plusSeconds(60);

  @Test
  void publicMeansPublishedDueAndNotDeleted() {
    assertThat(PublicArticles.isPublic(ArticleStatus.PUBLISHED, BEFORE, null, NOW)).isTrue();
    assertThat(PublicArticles.isPublic(ArticleStatus.PUBLISHED, NOW, null, NOW)).isTrue();
    assertThat(PublicArticles.isPublic(ArticleStatus.PUBLISHED, AFTER, null, NOW)).isFalse();
    assertThat(PublicArticles.isPublic(ArticleStatus.PUBLISHED, BEFORE, BEFORE, NOW)).isFalse();
    assertThat(PublicArticles.isPublic(ArticleStatus.DRAFT, null, null, NOW)).isFalse();
    assertThat(PublicArticles.isPublic(ArticleStatus.ARCHIVED, BEFORE, null, NOW)).isFalse();
  }

  @Test
  void scheduledIsLiveButNotYetPublic() {
    assertThat(PublicArticles.isScheduled(ArticleStatus.PUBLISHED, AFTER, null, NOW)).isTrue();
    assertThat(PublicArticles.isScheduled(ArticleStatus.PUBLISHED, BEFORE, null, NOW)).isFalse();
    assertThat(PublicArticles.isLive(ArticleStatus.PUBLISHED, null)).isTrue();
    assertThat(PublicArticles.isLive(ArticleStatus.PUBLISHED, BEFORE)).isFalse();
    assertThat(PublicArticles.isLive(ArticleStatus.DRAFT, null)).isFalse();
  }

  @Test
  void theSqlConditionNamesItsAlias() {
    assertThat(PublicArticles.condition("x"))
        .isEqualTo("x.deleted_at is null and x.status = 'published' and x.published_at <= now()");
    assertThat(PublicArticles.scheduledCondition("x"))
        .isEqualTo("x.deleted_at is null and x.status = 'published' and x.published_at > now()");
  }

  @Test
  void statusesAreStoredLowercase() {
    ArticleStatusConverter converter = new ArticleStatusConverter();
    for (ArticleStatus status : ArticleStatus.values()) {
      String stored = converter.convertToDatabaseColumn(status);
      assertThat(stored).isEqualTo(status.name().toLowerCase());
      assertThat(converter.convertToEntityAttribute(stored)).isEqualTo(status);
    }
  }
}
