package io.pressroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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
    Response response = bytes(request, shown, MediaType.APPLICATION_JSON + ";charset=UTF-8", null);
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
        request, serialize(shown), MediaType.APPLICATION_JSON + ";charset=UTF-8", versionTag);
  }

  public Response bytes(HttpHeaders request, byte[] body, String mediaType) {
    return bytes(request, body, mediaType, null);
  }

  /**
   * The answer with its entity tag, or a 304 when {@code If-None-Match} names it. No answer carries
   * {@code Last-Modified}: each is an aggregate (an article with its counters, a listing, a feed of
   * the newest 50) that changes without any date of its parts moving forward (an article leaves, an
   * author is renamed), and an HTTP date's second cannot tell two versions of one second apart:
   * {@code If-Modified-Since} would get a 304 for content that changed. The tag is exact.
   */
  private Response bytes(HttpHeaders request, byte[] body, String mediaType, String versionTag) {
    String etag = entityTag(body, versionTag);
    boolean personal = cachePolicy.isPersonal(request);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    boolean notModified = ifNoneMatch != null && EntityTags.matchesAny(ifNoneMatch, etag);
    Response.ResponseBuilder builder =
        notModified ? Response.notModified() : Response.ok(body, mediaType);
    builder.header(HttpHeaders.ETAG, etag);
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
