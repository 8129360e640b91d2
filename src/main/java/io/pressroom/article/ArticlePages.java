package io.pressroom.article;

import io.pressroom.web.FieldsParam;
import io.pressroom.web.Representations;
import io.pressroom.web.ResponseDependencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The HTTP side of every article listing (the article, tag and followed-feed resources): notes the
 * articles the page shows for the response cache, and answers the page with its validator and Link.
 */
@ApplicationScoped
public class ArticlePages {

  private final Representations representations;
  private final ResponseDependencies dependencies;

  ArticlePages(Representations representations, ResponseDependencies dependencies) {
    this.representations = representations;
    this.dependencies = dependencies;
  }

  public Response response(
      Shown<ListedPage> listing, UriInfo uri, HttpHeaders headers, FieldsParam fields) {
    dependencies.add(listing.articleIds());
    ListedPage page = listing.body();
    return representations.collection(
        headers, uri, fields, page.json(), ArticleSummary.class, page.next());
  }
}
