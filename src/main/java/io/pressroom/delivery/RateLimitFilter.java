package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import io.pressroom.account.ApiKeyFilter;
import io.pressroom.account.ApiKeyService;
import io.pressroom.web.ClientAddress;
import io.pressroom.web.ProblemType;
import io.pressroom.web.Problems;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Limits requests per aggregator key, per signed-in account and per client address, in that order
 * of precedence, and tells every client where it stands (RateLimit-* headers). Only the API is
 * limited: health and metrics are not REST resources and never pass here.
 */
public class RateLimitFilter {

  private static final String DECISION = "pressroom.rate-limit";

  private final PressroomConfig.RateLimit limits;
  private final RateLimiter limiter;
  private final JWTParser tokens;
  private final Cache<String, String> subjects =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

  RateLimitFilter(PressroomConfig config, RateLimiter limiter, JWTParser tokens) {
    this.limits = config.rateLimit();
    this.limiter = limiter;
    this.tokens = tokens;
  }

  /**
   * Anonymous requests without a key are limited by address on the event loop, before the switch to
   * a worker thread, so that a cached answer can be served there too (see {@link
   * ResponseCacheFilter}).
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 20, nonBlocking = true)
  public Optional<Response> limitAnonymous(
      ContainerRequestContext request, HttpServerRequest http) {
    if (!anonymous(request)) {
      return Optional.empty();
    }
    return limit(request, http);
  }

  /** Requests with a key or a token are limited once the key is recognised. */
  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Optional<Response> limitIdentified(
      ContainerRequestContext request, HttpServerRequest http) {
    if (anonymous(request)) {
      return Optional.empty();
    }
    return limit(request, http);
  }

  static boolean anonymous(ContainerRequestContext request) {
    return request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
        && request.getHeaderString(ApiKeyFilter.HEADER) == null;
  }

  private Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
    if (!limits.enabled()) {
      return Optional.empty();
    }
    RateLimiter.Decision decision = decide(request, http);
    request.setProperty(DECISION, decision);
    if (decision.allowed()) {
      return Optional.empty();
    }
    Response problem =
        Problems.response(
            ProblemType.TOO_MANY_REQUESTS,
            "Too many requests; try again in " + decision.retryAfter() + " seconds.",
            request.getUriInfo(),
            List.of());
    return Optional.of(
        Response.fromResponse(problem)
            .header(HttpHeaders.RETRY_AFTER, decision.retryAfter())
            .build());
  }

  @ServerResponseFilter
  public void tell(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
      response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
      response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
      response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
    }
  }

  private RateLimiter.Decision decide(ContainerRequestContext request, HttpServerRequest http) {
    if (request.getProperty(ApiKeyFilter.CLIENT_PROPERTY) instanceof ApiKeyService.Client c) {
      return limiter.take("key:" + c.id(), limits.apiKeyPerMinute());
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String subject = subject(authorization.substring(7).trim());
      if (subject != null) {
        return limiter.take("account:" + subject, limits.accountPerMinute());
      }
    }
    return limiter.take("address:" + ClientAddress.of(http), limits.anonymousPerMinute());
  }

  /** The account of a valid token; invalid tokens count against the address (and get 401). */
  private String subject(String token) {
    String known = subjects.getIfPresent(token);
    if (known != null) {
      return known;
    }
    try {
      String subject = tokens.parse(token).getSubject();
      if (subject != null) {
        subjects.put(token, subject);
      }
      return subject;
    } catch (ParseException e) {
      return null;
    }
  }
}
