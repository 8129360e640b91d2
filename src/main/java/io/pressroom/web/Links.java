package io.pressroom.web;

import io.pressroom.PressroomConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/** Absolute links for headers and feeds, from the configured public URL or the request's. */
@ApplicationScoped
public class Links {

  private final PressroomConfig config;

  Links(PressroomConfig config) {
    this.config = config;
  }

  /** The request's own URL with {@code cursor} set to the next page and numbered paging off. */
  public String next(UriInfo uri, String cursor) {
    UriBuilder builder =
        base(uri)
            .path(uri.getPath())
            .replaceQuery(uri.getRequestUri().getRawQuery())
            .replaceQueryParam("page")
            .replaceQueryParam("cursor", cursor);
    return "<" + builder.build() + ">; rel=\"next\"";
  }

  public URI absolute(UriInfo uri, String path) {
    return base(uri).path(path).build();
  }

  private UriBuilder base(UriInfo uri) {
    Optional<String> configured = config.publicBaseUrl().filter(s -> !s.isBlank());
    return configured
        .map(UriBuilder::fromUri)
        .orElseGet(() -> UriBuilder.fromUri(uri.getBaseUri()).replacePath(""));
  }
}
