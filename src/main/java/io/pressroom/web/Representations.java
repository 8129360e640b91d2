package io.pressroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

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

  /** The absolute URL of a created resource, on the public base URL (never the request's Host). */
  public URI location(String path) {
    return links.absolute(path);
  }

  /**
   * A page of a collection: the JSON answer (its items trimmed to {@code fields}) plus a Link
   * header to the next page, if any.
   */
  public Response collection(
      HttpHeaders request, UriInfo uri, FieldsParam fields, Object body, String next) {
    Response response = json(request, fields, body);
    if (next == null) {
      return response;
    }
    return Response.fromResponse(response).header("Link", links.next(uri, next)).build();
  }

  /**
   * A page of a collection already written as JSON ({@code {"items":[...],"page":{...}}}, items of
   * type {@code itemType}): sent as it is, or parsed and trimmed when {@code fields} asks for fewer
   * fields; with its validator, caching headers and Link header, as {@link #collection(HttpHeaders,
   * UriInfo, FieldsParam, Object, String)}.
   */
  public Response collection(
      HttpHeaders request,
      UriInfo uri,
      FieldsParam fields,
      byte[] json,
      Class<?> itemType,
      String next) {
    byte[] shown = fields.selectWritten(mapper, json, itemType);
    Response response =
        bytes(request, shown, MediaType.APPLICATION_JSON + ";charset=UTF-8", null, null);
    if (next == null) {
      return response;
    }
    return Response.fromResponse(response).header("Link", links.next(uri, next)).build();
  }

  /**
   * A JSON answer, trimmed to {@code fields}, with its validator and caching headers, or a 304 when
   * the client has it.
   */
  public Response json(HttpHeaders request, FieldsParam fields, Object body) {
    return json(request, fields, body, null);
  }

  /**
   * Like {@link #json(HttpHeaders, FieldsParam, Object)}, with the version of the resource's
   * editable state leading the entity tag, so that If-Match can be checked against that version
   * alone (a new like changes the representation, but must not make an editor's If-Match stale).
   */
  public Response json(HttpHeaders request, FieldsParam fields, Object body, String versionTag) {
    Object shown = fields.select(mapper, body);
    return bytes(
        request, serialize(shown), MediaType.APPLICATION_JSON + ";charset=UTF-8", versionTag, null);
  }

  public Response bytes(HttpHeaders request, byte[] body, String mediaType) {
    return bytes(request, body, mediaType, null, null);
  }

  /**
   * As {@link #bytes(HttpHeaders, byte[], String)}, plus a {@code Last-Modified} header when {@code
   * lastModified} is given; then an {@code If-Modified-Since} at or after it also gets a 304, but
   * only when the request has no {@code If-None-Match} (RFC 9110, 13.1.3).
   */
  public Response bytes(HttpHeaders request, byte[] body, String mediaType, Instant lastModified) {
    return bytes(request, body, mediaType, null, lastModified);
  }

  private Response bytes(
      HttpHeaders request, byte[] body, String mediaType, String versionTag, Instant lastModified) {
    String etag = entityTag(body, versionTag);
    boolean personal = cachePolicy.isPersonal(request);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    boolean notModified =
        ifNoneMatch == null
            ? HttpDates.notModifiedSince(
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), lastModified)
            : EntityTags.matchesAny(ifNoneMatch, etag);
    Response.ResponseBuilder builder =
        notModified ? Response.notModified() : Response.ok(body, mediaType);
    builder.header(HttpHeaders.ETAG, etag);
    if (lastModified != null) {
      builder.header(HttpHeaders.LAST_MODIFIED, HttpDates.format(lastModified));
    }
    return cachePolicy.apply(builder, personal).build();
  }

  public byte[] serialize(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise " + body.getClass().getSimpleName(), e);
    }
  }

  /**
   * A fingerprint of the bytes sent: CRC-32C and CRC-32 side by side, 64 bits. An entity tag only
   * has to change when the bytes do, and both checksums are CPU intrinsics: on a miss, SHA-256 took
   * a tenth of an article page's CPU time.
   */
  public static String entityTag(byte[] body, String versionTag) {
    CRC32C castagnoli = new CRC32C();
    castagnoli.update(body);
    CRC32 ieee = new CRC32();
    ieee.update(body);
    String hash = String.format("%08x%08x", castagnoli.getValue(), ieee.getValue());
    return "W/\"" + (versionTag == null ? hash : versionTag + "-" + hash) + "\"";
  }
}
