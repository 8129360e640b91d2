package io.pressroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.ArticleReadPlans;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL plans for a discussion's total. Counting every listed comment of the article read
 * all of them for each page (2.4 ms for 978 comments at 100,000 articles, on the discussion being
 * read most); the total is the article's kept count plus its placeholders, found by their own
 * index.
 */
@QuarkusTest
class DiscussionTotalPlanTest {

  @Inject Fixtures fixtures;
  @Inject ArticleReadPlans plans;

  @Test
  void aDiscussionsTotalReadsOnlyItsPlaceholders() {
    String slug = fixtures.article(fixtures.author()).create();
    assertThat(plans.of(CommentService.LISTED_COMMENTS, slug))
        .as("the plan of a discussion's total")
        .contains("comments_placeholders_idx")
        .doesNotContain("comments_article_created_idx");
  }
}
