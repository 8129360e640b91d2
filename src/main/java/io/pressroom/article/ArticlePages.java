package io.pressroom.article;

import io.pressroom.web.FieldsParam;
import io.pressroom.web.PageInfo;
import io.pressroom.web.Representations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns a listing into its response for every article listing: body, validator, Link. */
@ApplicationScoped
public class ArticlePages {

  private final Representations representations;

  ArticlePages(Representations representations) {
    this.representations = representations;
  }

  public Response response(
      ArticleListing listing, UriInfo uri, HttpHeaders headers, FieldsParam fields) {
    ArticlePage body =
        new ArticlePage(
            listing.items(),
            new PageInfo(listing.limit(), listing.total(), listing.next().orElse(null)));
    return representations.collection(headers, uri, fields, body, listing.next().orElse(null));
  }
}
