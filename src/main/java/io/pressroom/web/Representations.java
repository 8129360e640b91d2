package io.pressroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns an answer into a response with an entity tag computed from the exact bytes sent, so the tag
 * changes whenever anything shown changes and a matching {@code If-None-Match} gets a 304.
 */
@ApplicationScoped
public class Representations {

  private final ObjectMapper mapper;
  private final CachePolicy cachePolicy;
  private final Links links;

  Representations(ObjectMapper mapper, CachePolicy cachePolicy, Links links) {
    this.mapper = mapper;
    this.cachePolicy = cachePolicy;
    this.links = links;
  }

  /** A page of a collection: the JSON answer plus a Link header to the next page, if any. */
  public Response collection(HttpHeaders request, UriInfo uri, Object body, String next) {
    Response response = json(request, body);
    if (next == null) {
      return response;
    }
    return Response.fromResponse(response).header("Link", links.next(uri, next)).build();
  }

  /** A JSON answer with its validator and caching headers, or a 304 when the client has it. */
  public Response json(HttpHeaders request, Object body) {
    return json(request, body, null);
  }

  /**
   * Like {@link #json(HttpHeaders, Object)}, with the version of the resource's editable state
   * leading the entity tag, so that If-Match can be checked against that version alone (a new like
   * changes the representation, but must not make an editor's If-Match stale).
   */
  public Response json(HttpHeaders request, Object body, String versionTag) {
    return bytes(
        request, serialize(body), MediaType.APPLICATION_JSON + ";charset=UTF-8", versionTag);
  }

  public Response bytes(HttpHeaders request, byte[] body, String mediaType) {
    return bytes(request, body, mediaType, null);
  }

  private Response bytes(HttpHeaders request, byte[] body, String mediaType, String versionTag) {
    String etag = etag(body, versionTag);
    boolean personal = cachePolicy.isPersonal(request);
    if (EntityTags.matchesAny(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
      return cachePolicy
          .apply(Response.notModified().header(HttpHeaders.ETAG, etag), personal)
          .build();
    }
    return cachePolicy
        .apply(Response.ok(body, mediaType).header(HttpHeaders.ETAG, etag), personal)
        .build();
  }

  public byte[] serialize(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private static String etag(byte[] body, String versionTag) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      String hash = HexFormat.of().formatHex(digest, 0, 16);
      return "W/\"" + (versionTag == null ? hash : versionTag + "-" + hash) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
