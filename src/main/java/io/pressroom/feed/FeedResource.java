package io.pressroom.feed;

import io.pressroom.web.Representations;
import io.quarkus.vertx.http.Compressed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Feeds for aggregators and feed readers: Atom, RSS 2.0 and JSON Feed 1.1, chosen by the path's
 * extension. Each holds the newest 50 published articles and answers conditional requests. Feeds
 * are gzip-compressed for clients that accept it: their media types are not among the ones Quarkus
 * compresses by default, hence {@link Compressed}.
 */
@Path("/feeds")
@Tag(name = "Feeds")
public class FeedResource {

  private static final String DESCRIPTION =
      "The newest 50 published articles, newest first, each with its link, summary, sanitised"
          + " HTML body, author and tags. The extension chooses the format: .atom (Atom, RFC"
          + " 4287), .rss (RSS 2.0) or .json (JSON Feed 1.1). Carries an ETag and Last-Modified;"
          + " a matching If-None-Match, or else an If-Modified-Since no older than the feed,"
          + " gets a 304.";

  private final FeedService feeds;
  private final Representations representations;

  FeedResource(FeedService feeds, Representations representations) {
    this.feeds = feeds;
    this.representations = representations;
  }

  @GET
  @Path("articles.{format}")
  @PermitAll
  @Compressed
  @Operation(summary = "Feed of all articles", description = DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      headers = {
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING))
      },
      content = {
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "application/feed+json",
            schema = @Schema(implementation = JsonFeed.class))
      })
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response everything(
      @RestPath
          @Parameter(
              description = "The format: atom, rss or json",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"atom", "rss", "json"}))
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    FeedFormat feedFormat = FeedFormat.ofExtension(format);
    return respond(headers, feeds.everything(feedFormat, uri));
  }

  @GET
  @Path("tags/{slug}.{format}")
  @PermitAll
  @Compressed
  @Operation(summary = "Feed of a tag's articles", description = DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      headers = {
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING))
      },
      content = {
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "application/feed+json",
            schema = @Schema(implementation = JsonFeed.class))
      })
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response tag(
      @RestPath @Parameter(example = "rust") String slug,
      @RestPath
          @Parameter(
              description = "The format: atom, rss or json",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"atom", "rss", "json"}))
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    FeedFormat feedFormat = FeedFormat.ofExtension(format);
    return respond(headers, feeds.tag(slug, feedFormat, uri));
  }

  @GET
  @Path("authors/{handle}.{format}")
  @PermitAll
  @Compressed
  @Operation(summary = "Feed of an author's articles", description = DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      headers = {
        @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING))
      },
      content = {
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "application/feed+json",
            schema = @Schema(implementation = JsonFeed.class))
      })
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response author(
      @RestPath @Parameter(example = "kernel-desk") String handle,
      @RestPath
          @Parameter(
              description = "The format: atom, rss or json",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"atom", "rss", "json"}))
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    FeedFormat feedFormat = FeedFormat.ofExtension(format);
    return respond(headers, feeds.author(handle, feedFormat, uri));
  }

  private Response respond(HttpHeaders headers, FeedService.Rendered feed) {
    return representations.bytes(headers, feed.body(), feed.contentType(), feed.updated());
  }
}
