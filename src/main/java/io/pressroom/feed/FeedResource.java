package io.pressroom.feed;

import io.pressroom.web.Representations;
import io.pressroom.web.ResponseDependencies;
import io.quarkus.vertx.http.Compressed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Feeds for aggregators and feed readers: Atom, RSS 2.0 and JSON Feed 1.1, chosen by the path's
 * extension. Each holds the newest 50 published articles and answers conditional requests. Feeds
 * are gzip-compressed for clients that accept it: their media types are not among the ones Quarkus
 * compresses by default, hence {@link Compressed}. The 200 answer and the format parameter they
 * share are described once, in {@code META-INF/openapi.yaml}.
 */
@Path("/feeds")
@Tag(name = "Feeds")
public class FeedResource {

  private static final String DESCRIPTION =
      "The newest 50 published articles, newest first, each with its link, summary, sanitised"
          + " HTML body, author and tags. The extension chooses the format: .atom (Atom, RFC"
          + " 4287), .rss (RSS 2.0) or .json (JSON Feed 1.1). Carries an ETag: a matching"
          + " If-None-Match gets a 304. No Last-Modified: a feed also changes when an article"
          + " leaves it or an author is renamed, which moves no date of its entries forward, so"
          + " If-Modified-Since alone always gets the feed.";

  private final FeedService feeds;
  private final Representations representations;
  private final ResponseDependencies dependencies;

  FeedResource(
      FeedService feeds, Representations representations, ResponseDependencies dependencies) {
    this.feeds = feeds;
    this.representations = representations;
    this.dependencies = dependencies;
  }

  @GET
  @Path("articles.{format}")
  @PermitAll
  @Compressed
  @Operation(
      operationId = "getArticlesFeed",
      summary = "Feed of all articles",
      description = DESCRIPTION)
  @APIResponse(responseCode = "200", description = "The feed", ref = "Feed")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response everything(
      @RestPath @Parameter(name = "format", in = ParameterIn.PATH, ref = "FeedFormat")
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return respond(headers, feeds.everything(FeedFormat.ofExtension(format), uri));
  }

  @GET
  @Path("tags/{slug}.{format}")
  @PermitAll
  @Compressed
  @Operation(
      operationId = "getTagFeed",
      summary = "Feed of a tag's articles",
      description = DESCRIPTION)
  @APIResponse(responseCode = "200", description = "The feed", ref = "Feed")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response tag(
      @RestPath @Parameter(example = "rust") String slug,
      @RestPath @Parameter(name = "format", in = ParameterIn.PATH, ref = "FeedFormat")
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return respond(headers, feeds.tag(slug, FeedFormat.ofExtension(format), uri));
  }

  @GET
  @Path("authors/{handle}.{format}")
  @PermitAll
  @Compressed
  @Operation(
      operationId = "getAuthorFeed",
      summary = "Feed of an author's articles",
      description = DESCRIPTION)
  @APIResponse(responseCode = "200", description = "The feed", ref = "Feed")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response author(
      @RestPath @Parameter(example = "kernel-desk") String handle,
      @RestPath @Parameter(name = "format", in = ParameterIn.PATH, ref = "FeedFormat")
          String format,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return respond(headers, feeds.author(handle, FeedFormat.ofExtension(format), uri));
  }

  private Response respond(HttpHeaders headers, FeedService.Rendered feed) {
    dependencies.add(feed.articles());
    return representations.bytes(headers, feed.body(), feed.contentType());
  }
}
