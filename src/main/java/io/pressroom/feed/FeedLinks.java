package io.pressroom.feed;

import io.pressroom.PressroomConfig;
import io.pressroom.web.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The absolute links of feeds. Ids and self links are API URLs; the links meant for people go to
 * the web site when {@code pressroom.site-url} is set, else to the API.
 */
@ApplicationScoped
class FeedLinks {

  private final Links links;
  private final PressroomConfig config;

  /** The base URL as {@link Links#absolute} writes it before a path that starts with a slash. */
  private final String origin;

  FeedLinks(Links links, PressroomConfig config) {
    this.links = links;
    this.config = config;
    String probe = links.absolute("/x").toString();
    this.origin = probe.substring(0, probe.length() - 2);
  }

  /**
   * A path of plain characters (slugs and handles are) is appended as it is: what {@link
   * Links#absolute} would build, without parsing a URI three times per feed entry. Anything else
   * goes through it.
   */
  String api(UriInfo uri, String path) {
    return plain(path) ? origin + path : links.absolute(path).toString();
  }

  static boolean plain(String path) {
    if (path.isEmpty() || path.charAt(0) != '/' || path.contains("//") || path.contains("/.")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '/'
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  String articleId(UriInfo uri, String slug) {
    return api(uri, "/api/v1/articles/" + slug);
  }

  String articlePage(UriInfo uri, String slug) {
    return site().map(s -> s + "/articles/" + slug).orElseGet(() -> articleId(uri, slug));
  }

  String authorPage(UriInfo uri, String handle) {
    return site()
        .map(s -> s + "/authors/" + handle)
        .orElseGet(() -> api(uri, "/api/v1/authors/" + handle));
  }

  String tagPage(UriInfo uri, String slug) {
    return site()
        .map(s -> s + "/tags/" + slug)
        .orElseGet(() -> api(uri, "/api/v1/tags/" + slug + "/articles"));
  }

  String homePage(UriInfo uri) {
    return site().map(s -> s + "/").orElseGet(() -> api(uri, "/api/v1/articles"));
  }

  private Optional<String> site() {
    return config
        .siteUrl()
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.replaceAll("/+$", ""));
  }
}
