package io.pressroom.article;

import io.pressroom.account.Account;
import io.pressroom.tag.TagService;
import io.pressroom.web.MarkdownRenderer;
import io.pressroom.web.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writing articles: drafts, their slugs and rendering, and publishing. */
@ApplicationScoped
public class ArticleAuthoring {

  static final int MAX_SLUG_LENGTH = 100;

  private final TagService tags;
  private final MarkdownRenderer markdown;

  ArticleAuthoring(TagService tags, MarkdownRenderer markdown) {
    this.tags = tags;
    this.markdown = markdown;
  }

  /** Writes an article that is published at {@code publishedAt}, as imported content is. */
  @Transactional
  public String createPublished(Account author, NewArticle draft, Instant publishedAt) {
    Instant at = publishedAt.truncatedTo(ChronoUnit.MICROS);
    Article article =
        new Article(
            uniqueSlug(draft.title()), author, content(draft), tags.findOrCreate(draft.tags()));
    article.publish(at);
    article.createdAt = at;
    article.touch(at);
    article.persist();
    return article.slug;
  }

  private ArticleContent content(NewArticle draft) {
    return new ArticleContent(
        draft.title().trim(),
        draft.summary().trim(),
        draft.body(),
        markdown.toSafeHtml(draft.body()),
        MarkdownRenderer.readingMinutes(draft.body()),
        draft.referenceUrl(),
        draft.sourceUrl(),
        draft.sourcePublisher(),
        draft.republicationNotice(),
        draft.coverImageUrl());
  }

  private String uniqueSlug(String title) {
    String base = Slugs.slugify(title, MAX_SLUG_LENGTH - 8);
    if (base.isEmpty()) {
      base = "article";
    }
    String slug = base;
    for (int n = 2; Article.count("slug", slug) > 0; n++) {
      slug = base + "-" + n;
    }
    return slug;
  }
}
