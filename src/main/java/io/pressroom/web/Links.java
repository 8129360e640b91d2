package io.pressroom.web;

import io.pressroom.PressroomConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Absolute links for headers and feeds, always on the configured public base URL: never from the
 * request's Host or forwarded headers, which any client can forge and the response cache would then
 * hand to everyone. A singleton, not behind a client proxy: a feed asks for several links per
 * entry, and the proxy's look-up of the bean on each call was a few per cent of a feed's CPU time.
 */
@Singleton
public class Links {

  static final String VARIABLE = "PRESSROOM_PUBLIC_BASE_URL";

  private final String origin;

  Links(PressroomConfig config) {
    this.origin = origin(config.publicBaseUrl());
  }

  /** Fails the start-up, not the first request, when the base URL is missing or unusable. */
  void checkAtStart(@Observes StartupEvent event) {
    // Constructing this bean validated the setting.
  }

  /**
   * The request's own path and query with {@code cursor} set to the next page and numbered paging
   * off. Built as a string from the raw query: a cursor is URL-safe already, and UriBuilder's
   * re-encoding of every parameter took a sixth of a listing's CPU time on a cache miss.
   */
  public String next(UriInfo uri, String cursor) {
    String path = uri.getRequestUri().getRawPath();
    StringBuilder link = new StringBuilder("<").append(origin);
    link.append(path.startsWith("/") ? "" : "/").append(path);
    char separator = '?';
    String query = uri.getRequestUri().getRawQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        String name = parameter.split("=", 2)[0];
        if (!parameter.isEmpty() && !name.equals("page") && !name.equals("cursor")) {
          link.append(separator).append(parameter);
          separator = '&';
        }
      }
    }
    return link.append(separator)
        .append("cursor=")
        .append(cursor)
        .append(">; rel=\"next\"")
        .toString();
  }

  public URI absolute(String path) {
    return UriBuilder.fromUri(origin).path(path).build();
  }

  /**
   * {@link #absolute} as text. A path of plain characters (slugs and handles are) is appended to
   * the origin as it is, which is what the builder would make, without parsing a URI per link (a
   * feed writes three per entry); anything to encode or normalise goes through the builder.
   */
  public String absoluteText(String path) {
    return plain(path) ? origin + path : absolute(path).toString();
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

  /**
   * Scheme, host and any path prefix of the public base URL, without a trailing slash; an absolute
   * http(s) URL without query or fragment is required.
   */
  static String origin(Optional<String> configured) {
    String value = configured.map(String::trim).orElse("");
    if (value.isEmpty()) {
      throw new IllegalStateException(
          VARIABLE
              + " is not set. Set it to the public URL of this API (for example"
              + " https://api.example.com): absolute links are built on it, never on the request's"
              + " Host. Only the embedded development database defaults it to"
              + " http://localhost:<port>.");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(value, "it is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(value, "it must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw invalid(value, "it must name a host (and no user)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(value, "it must have no query and no fragment");
    }
    return value.replaceAll("/+$", "");
  }

  private static IllegalStateException invalid(String value, String why) {
    return new IllegalStateException(VARIABLE + "='" + value + "' is unusable: " + why + ".");
  }
}
