package io.pressroom.delivery;

import io.pressroom.PressroomConfig;
import io.pressroom.web.Credentials;
import io.pressroom.web.ResponseDependencies;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells the edge cache what it may keep. With an edge cache configured, every public answer that
 * {@link ResponseCacheFilter} would keep carries its surrogate keys ({@code xkey}, see {@link
 * SurrogateKeys}) and a {@code Surrogate-Control: max-age} for the edge alone: the VCL consumes and
 * removes both. Surrogate-Control rather than {@code s-maxage}: other shared caches on the way (a
 * CDN, a company proxy) get no purges, so they must keep honouring the short {@code max-age}, while
 * the cache we purge may keep an answer until a write changes it.
 *
 * <p>Answers to a signed-in client or an aggregator's key never carry keys and are marked private
 * whatever any cache kept: they are counted against the caller (RateLimit-* headers) and must reach
 * the app every time.
 */
public class EdgeCacheHeaders {

  static final String XKEY = "xkey";
  static final String SURROGATE_CONTROL = "Surrogate-Control";

  private final PressroomConfig.EdgeCache config;
  private final ResponseCache cache;
  private final ResponseDependencies dependencies;

  EdgeCacheHeaders(PressroomConfig config, ResponseCache cache, ResponseDependencies dependencies) {
    this.config = config.edgeCache();
    this.cache = cache;
    this.dependencies = dependencies;
  }

  /**
   * Runs before {@link ResponseCacheFilter#keep} (response filters run from the highest priority
   * down), so that the in-memory copy keeps the keys for its hits.
   */
  @ServerResponseFilter(priority = Priorities.USER + 500)
  public void mark(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!Credentials.of(request).anonymous()) {
      headers.remove(XKEY);
      headers.remove(SURROGATE_CONTROL);
      String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
      if (cacheControl != null && cacheControl.startsWith("public")) {
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
      }
      return;
    }
    int status = response.getStatus();
    if (!EdgePurges.enabled(config)
        || !ResponseCacheFilter.cacheable(request)
        || (status != 200 && status != 304)) {
      return;
    }
    if (!headers.containsKey(XKEY)) {
      headers.putSingle(XKEY, surrogateKeys(config, request, dependencies.articles()));
    }
    headers.putSingle(SURROGATE_CONTROL, "max-age=" + edgeLifetime(Instant.now()).toSeconds());
  }

  /**
   * The surrogate keys an anonymous answer to this request carries, or null without an edge cache:
   * also what the response cache keeps with a signed-in reader's public answer.
   */
  static String surrogateKeys(
      PressroomConfig.EdgeCache config, ContainerRequestContext request, Set<Long> articles) {
    return EdgePurges.enabled(config)
        ? String.join(" ", SurrogateKeys.ofAnswer(request.getUriInfo().getPath(), articles))
        : null;
  }

  /** The configured lifetime, cut short by the next scheduled publication, when listings change. */
  Duration edgeLifetime(Instant now) {
    Duration lifetime = config.maxAge();
    return cache
        .nextScheduledPublication()
        .map(due -> Duration.between(now, due))
        .map(untilDue -> untilDue.isNegative() ? Duration.ZERO : untilDue)
        .filter(untilDue -> untilDue.compareTo(lifetime) < 0)
        .orElse(lifetime);
  }
}
