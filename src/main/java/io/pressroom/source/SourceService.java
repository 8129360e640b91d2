package io.pressroom.source;

import static io.pressroom.web.Rows.asBoolean;
import static io.pressroom.web.Rows.asLong;
import static io.pressroom.web.Rows.text;

import io.pressroom.web.Links;
import io.pressroom.web.ProblemException;
import io.pressroom.web.PublicArticles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The protected way to an article's original source. The target of every redirect is the source URL
 * stored with the article, read at the moment of the redirect: no parameter can change it, and an
 * article that lost its source or was deleted meanwhile no longer redirects. Only published
 * articles lead to their source.
 */
@ApplicationScoped
class SourceService {

  private final EntityManager entityManager;
  private final SourceTokens tokens;
  private final Links links;

  SourceService(EntityManager entityManager, SourceTokens tokens, Links links) {
    this.entityManager = entityManager;
    this.tokens = tokens;
    this.links = links;
  }

  /** An article's source as far as deciding about a redirect needs. */
  private record Target(long id, String slug, String url, boolean deleted, boolean isPublic) {}

  /** The stored source URL of the published article {@code slug}. */
  String sourceUrl(String slug) {
    return url(find("a.slug = :key", slug, "No article has the slug '" + slug + "'."));
  }

  /** A signed link to the source of the published article {@code slug}, bound to that article. */
  SourceLink issue(String slug) {
    Target target = find("a.slug = :key", slug, "No article has the slug '" + slug + "'.");
    url(target);
    SourceTokens.Issued issued = tokens.issue(target.id(), Instant.now());
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
        find("a.id = :key", claims.articleId(), "The article of this link is not available."));
  }

  private Target find(String condition, Object key, String notFound) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select a.id, a.slug, a.source_url, a.deleted_at is not null, ("
                    + PublicArticles.condition("a")
                    + ") from articles a where "
                    + condition)
            .setParameter("key", key)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(notFound);
    }
    Object[] row = rows.get(0);
    Target target =
        new Target(
            asLong(row[0]), text(row[1]), text(row[2]), asBoolean(row[3]), asBoolean(row[4]));
    if (target.deleted()) {
      throw ProblemException.gone("The article '" + target.slug() + "' has been deleted.");
    }
    if (!target.isPublic()) {
      throw ProblemException.notFound(notFound);
    }
    return target;
  }

  private static String url(Target target) {
    if (target.url() == null || target.url().isBlank()) {
      throw ProblemException.notFound(
          "The article '" + target.slug() + "' has no original source to open.");
    }
    return target.url();
  }
}
