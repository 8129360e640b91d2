package io.pressroom.feed;

import io.pressroom.PressroomConfig;
import io.pressroom.web.Links;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The absolute links of feeds. Ids and self links are API URLs; the links meant for people go to
 * the web site when {@code pressroom.site-url} is set, else to the API. A singleton, not behind a
 * client proxy: a feed asks for a handful of links per entry, and the proxy's look-up of the bean
 * on each call was a few per cent of a feed's CPU time.
 */
@Singleton
class FeedLinks {

  private final Links links;
  private final Optional<String> site;

  FeedLinks(Links links, PressroomConfig config) {
    this.links = links;
    this.site =
        config
            .siteUrl()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.replaceAll("/+$", ""));
  }

  String api(UriInfo uri, String path) {
    return links.absoluteText(path);
  }

  String articleId(UriInfo uri, String slug) {
    return api(uri, "/api/v1/articles/" + slug);
  }

  String articlePage(UriInfo uri, String slug) {
    return site.map(s -> s + "/articles/" + slug).orElseGet(() -> articleId(uri, slug));
  }

  String authorPage(UriInfo uri, String handle) {
    return site.map(s -> s + "/authors/" + handle)
        .orElseGet(() -> api(uri, "/api/v1/authors/" + handle));
  }

  String tagPage(UriInfo uri, String slug) {
    return site.map(s -> s + "/tags/" + slug)
        .orElseGet(() -> api(uri, "/api/v1/tags/" + slug + "/articles"));
  }

  String homePage(UriInfo uri) {
    return site.map(s -> s + "/").orElseGet(() -> api(uri, "/api/v1/articles"));
  }
}
