package io.pressroom.web;

import io.pressroom.PressroomConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Caching headers for GET answers: anonymous answers may be kept by shared caches for a short
 * while; answers to a signed-in client are personal and kept only by that client.
 */
@ApplicationScoped
public class CachePolicy {

  static final String VARY = "Authorization, Accept-Encoding";

  private final PressroomConfig config;

  CachePolicy(PressroomConfig config) {
    this.config = config;
  }

  public boolean isPersonal(HttpHeaders request) {
    return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
  }

  Response.ResponseBuilder apply(Response.ResponseBuilder builder, boolean personal) {
    String cacheControl =
        personal
            ? "private, no-cache"
            : "public, max-age="
                + config.cache().maxAge().toSeconds()
                + ", stale-while-revalidate="
                + config.cache().staleWhileRevalidate().toSeconds();
    return builder.header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY);
  }
}
