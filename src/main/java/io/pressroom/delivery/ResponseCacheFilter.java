package io.pressroom.delivery;

import io.pressroom.web.EntityTags;
import io.pressroom.web.HttpDates;
import io.pressroom.web.ResponseDependencies;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Serves hot anonymous GETs from {@link ResponseCache} and keeps what it did not have. */
public class ResponseCacheFilter {

  static final String CACHE_HEADER = "X-Cache";
  private static final String STAMP = "pressroom.cache-stamp";
  private static final String KEY = "pressroom.cache-key";
  private static final Pattern CACHEABLE =
      Pattern.compile(
          "/api/v1/articles(/[^/]+)?|/api/v1/tags(/[^/]+(/articles)?)?"
              + "|/api/v1/authors(/[^/]+)?|/feeds/.+");
  private static final List<String> KEPT_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.ETAG,
          HttpHeaders.LAST_MODIFIED,
          HttpHeaders.CACHE_CONTROL,
          HttpHeaders.VARY,
          "Link",
          EdgeCacheHeaders.XKEY);

  private final ResponseCache cache;
  private final ResponseDependencies dependencies;

  ResponseCacheFilter(ResponseCache cache, ResponseDependencies dependencies) {
    this.cache = cache;
    this.dependencies = dependencies;
  }

  /**
   * Anonymous requests are answered from the cache on the event loop: a hit never waits for a
   * worker thread. Runs after {@link RateLimitFilter#limitByAddress}.
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10, nonBlocking = true)
  public Optional<Response> serveKeptEarly(ContainerRequestContext request) {
    return RateLimitFilter.anonymous(request) && !RateLimitFilter.pending(request)
        ? serve(request)
        : Optional.empty();
  }

  /** Aggregators' keyed requests share the anonymous answers once their key is recognised. */
  @ServerRequestFilter(priority = Priorities.USER + 200)
  public Optional<Response> serveKept(ContainerRequestContext request) {
    return RateLimitFilter.anonymous(request) && !RateLimitFilter.decidedOnWorker(request)
        ? Optional.empty()
        : serve(request);
  }

  private Optional<Response> serve(ContainerRequestContext request) {
    if (!cache.enabled() || !cacheable(request)) {
      return Optional.empty();
    }
    String key = key(request);
    ResponseCache.Entry entry = cache.lookUp(key);
    if (entry == null) {
      ResponseCacheCounters.MISSES.increment();
      request.setProperty(STAMP, cache.stamp());
      request.setProperty(KEY, key);
      return Optional.empty();
    }
    ResponseCacheCounters.HITS.increment();
    Response.ResponseBuilder builder =
        notModified(request, entry) ? Response.notModified() : Response.ok(entry.body());
    entry.headers().forEach(builder::header);
    return Optional.of(builder.header(CACHE_HEADER, "hit").build());
  }

  @ServerResponseFilter
  public void keep(ContainerRequestContext request, ContainerResponseContext response) {
    Object stamp = request.getProperty(STAMP);
    if (stamp == null) {
      return;
    }
    response.getHeaders().putSingle(CACHE_HEADER, "miss");
    if (response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)) {
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    cache.keep(
        (String) request.getProperty(KEY),
        (ResponseCache.Stamp) stamp,
        body,
        headers,
        dependencies.articles());
  }

  static boolean cacheable(ContainerRequestContext request) {
    // Searches (q) are not kept: each is asked rarely, and the search index follows writes a
    // moment after they invalidate this cache, so a kept answer could miss a change for its TTL.
    return HttpMethod.GET.equals(request.getMethod())
        && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
        && CACHEABLE.matcher(request.getUriInfo().getPath()).matches()
        && !request.getUriInfo().getQueryParameters().containsKey("q");
  }

  private static String key(ContainerRequestContext request) {
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    return request.getUriInfo().getPath() + (query == null ? "" : "?" + query);
  }

  private static boolean notModified(ContainerRequestContext request, ResponseCache.Entry entry) {
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    String etag = entry.headers().get(HttpHeaders.ETAG);
    if (ifNoneMatch != null) {
      return etag != null && EntityTags.matchesAny(ifNoneMatch, etag);
    }
    String lastModified = entry.headers().get(HttpHeaders.LAST_MODIFIED);
    return lastModified != null
        && HttpDates.notModifiedSince(
            request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), HttpDates.parse(lastModified));
  }
}
