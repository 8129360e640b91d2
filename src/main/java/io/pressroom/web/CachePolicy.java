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

  /**
   * What a shared cache must key an answer on besides its URL: who asks (a signed-in answer is
   * personal), how it is compressed, and the browser app's origin, for which the CORS filter adds
   * {@code Access-Control-Allow-Origin} to an answer it would otherwise keep without it and serve
   * to every origin (a browser then refuses it), or with another origin's.
   */
  public static final String VARY = "Authorization, Accept-Encoding, Origin";

  public static final String PERSONAL = "private, no-cache";

  private final PressroomConfig config;

  CachePolicy(PressroomConfig config) {
    this.config = config;
  }

  public boolean isPersonal(HttpHeaders request) {
    return Credentials.of(request).token();
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
