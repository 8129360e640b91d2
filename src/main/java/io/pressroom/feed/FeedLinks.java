package io.pressroom.feed;

import io.pressroom.web.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/** The absolute links of feeds: API URLs on the public base URL (or the request's). */
@ApplicationScoped
class FeedLinks {

  private final Links links;

  FeedLinks(Links links) {
    this.links = links;
  }

  String api(UriInfo uri, String path) {
    return links.absolute(uri, path).toString();
  }

  String articleId(UriInfo uri, String slug) {
    return api(uri, "/api/v1/articles/" + slug);
  }

  String articlePage(UriInfo uri, String slug) {
    return articleId(uri, slug);
  }

  String authorPage(UriInfo uri, String handle) {
    return api(uri, "/api/v1/authors/" + handle);
  }

  String tagPage(UriInfo uri, String slug) {
    return api(uri, "/api/v1/tags/" + slug + "/articles");
  }

  String homePage(UriInfo uri) {
    return api(uri, "/api/v1/articles");
  }
}
