package io.pressroom.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a request carries to say who sends it, read from its headers here and nowhere else: a token
 * only ever comes in {@code Authorization} (SmallRye JWT's default; no cookie is configured), an
 * API key in {@value #API_KEY_HEADER}. The filters that decide before the security layer has run
 * (the response cache, the rate limits, the cache headers) and the current caller, which skips that
 * layer when there is no token, all ask here, so they cannot disagree on who is anonymous.
 *
 * @param authorization the {@code Authorization} header as sent; null when there is none
 * @param apiKey whether the request names an API key (recognised or not)
 */
public record Credentials(String authorization, boolean apiKey) {

  public static final String API_KEY_HEADER = "X-Api-Key";

  public static Credentials of(ContainerRequestContext request) {
    return new Credentials(
        request.getHeaderString(HttpHeaders.AUTHORIZATION),
        request.getHeaderString(API_KEY_HEADER) != null);
  }

  public static Credentials of(HttpHeaders request) {
    return new Credentials(
        request.getHeaderString(HttpHeaders.AUTHORIZATION),
        request.getHeaderString(API_KEY_HEADER) != null);
  }

  public static Credentials of(HttpServerRequest request) {
    return new Credentials(
        request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(API_KEY_HEADER) != null);
  }

  /** Neither a token nor an API key: what the request is answered is everyone's. */
  public boolean anonymous() {
    return authorization == null && !apiKey;
  }

  /** A token, with or without an API key beside it: the answer may be personal. */
  public boolean token() {
    return authorization != null;
  }

  /** A token and no API key: a signed-in reader (a client with a key is limited by its key). */
  public boolean signedIn() {
    return authorization != null && !apiKey;
  }
}
