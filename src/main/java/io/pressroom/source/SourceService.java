package io.pressroom.source;

import io.pressroom.article.ArticleGateway;
import io.pressroom.web.Links;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The protected way to an article's original source. The target of every redirect is the source URL
 * stored with the article, read at the moment of the redirect: no parameter can change it, and an
 * article that lost its source or was deleted meanwhile no longer redirects. Only published
 * articles lead to their source.
 */
@ApplicationScoped
class SourceService {

  private static final ArticleGateway.Extra SOURCE =
      ArticleGateway.Extra.columns("a.source_url as source_url");

  private final ArticleGateway articles;
  private final SourceTokens tokens;
  private final Links links;

  SourceService(ArticleGateway articles, SourceTokens tokens, Links links) {
    this.articles = articles;
    this.links = links;
    this.tokens = tokens;
  }

  /** The public article {@code slug} with its stored source URL. */
  private ArticleGateway.Found find(String slug) {
    return articles.requireVisible(slug, SOURCE);
  }

  /** The stored source URL of the published article {@code slug}. */
  String sourceUrl(String slug) {
    return url(find(slug));
  }

  /** A signed link to the source of the published article {@code slug}, bound to that article. */
  SourceLink issue(String slug) {
    ArticleGateway.Found target = find(slug);
    url(target);
    SourceTokens.Issued issued = tokens.issue(target.article().id(), Instant.now());
    return new SourceLink(links.absolute("/go/" + issued.token()).toString(), issued.expiresAt());
  }

  /**
   * The stored source URL that a link leads to: 401 for a token this installation did not sign (or
   * that was altered), 410 once it expired, and 404 or 410 when the article no longer has a source
   * to show.
   */
  String redeem(String token) {
    SourceTokens.Claims claims = tokens.verify(token);
    if (claims.expiredAt(Instant.now())) {
      throw ProblemException.gone("This link expired; ask for a new one.");
    }
    return url(
        articles.requireVisible(
            claims.articleId(), "The article of this link is not available.", SOURCE));
  }

  private static String url(ArticleGateway.Found target) {
    String url = target.row().text("source_url");
    if (url == null || url.isBlank()) {
      throw ProblemException.notFound(
          "The article '" + target.article().slug() + "' has no original source to open.");
    }
    return url;
  }
}
