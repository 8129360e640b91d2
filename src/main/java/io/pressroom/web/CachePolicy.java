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
  public static final String PERSONAL = "private, no-cache";

  private final PressroomConfig config;

  CachePolicy(PressroomConfig config) {
    this.config = config;
  }

  public boolean isPersonal(HttpHeaders request) {
    return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
  }

  Response.ResponseBuilder apply(Response.ResponseBuilder builder, boolean personal) {
    String cacheControl = personal ? PERSONAL : shared();
    return builder.header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY);
  }

  /**
   * What an anonymous client is told of an answer that a signed-in one got as {@link #PERSONAL}:
   * the response cache keeps a signed-in reader's public answer for everyone with this.
   */
  public String shared() {
    return "public, max-age="
        + config.cache().maxAge().toSeconds()
        + ", stale-while-revalidate="
        + config.cache().staleWhileRevalidate().toSeconds();
  }
}
