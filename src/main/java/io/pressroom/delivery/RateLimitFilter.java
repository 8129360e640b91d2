package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import io.pressroom.account.ApiKeyFilter;
import io.pressroom.account.ApiKeyService;
import io.pressroom.limit.Allowance;
import io.pressroom.limit.Decision;
import io.pressroom.limit.Limit;
import io.pressroom.limit.Limiter;
import io.pressroom.web.ClientAddress;
import io.pressroom.web.Credentials;
import io.pressroom.web.ProblemException;
import io.pressroom.web.Problems;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Limits requests per aggregator key, per signed-in account and per client address, in that order
 * of precedence (a key counts against the address until it is recognised), and tells every client
 * where it stands (RateLimit-* headers). Only the API is limited: health and metrics are not REST
 * resources and never pass here. Counted across instances by {@link Limiter}; while the database is
 * away each instance holds clients to the limits alone.
 */
public class RateLimitFilter {

  private static final String DECISION = "pressroom.rate-limit";
  private static final String ADDRESS_PENDING = "pressroom.rate-limit.address-pending";
  private static final String DECIDED_ON_WORKER = "pressroom.rate-limit.address-on-worker";
  private static final String ADDRESS_TOKEN = "pressroom.rate-limit.address-token";

  private final PressroomConfig.RateLimit limits;
  private final Allowance byAddress;
  private final Allowance byAccount;
  private final Allowance byKey;
  private final JWTParser tokens;
  private final Cache<String, String> subjects =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

  RateLimitFilter(PressroomConfig config, Limiter limiter, JWTParser tokens) {
    this.limits = config.rateLimit();
    Duration minute = Duration.ofMinutes(1);
    this.byAddress =
        limiter.allowance(Limit.ADDRESS, "address", limits.anonymousPerMinute(), minute);
    this.byAccount = limiter.allowance(Limit.ACCOUNT, "account", limits.accountPerMinute(), minute);
    this.byKey = limiter.allowance(Limit.KEY, "key", limits.apiKeyPerMinute(), minute);
    this.tokens = tokens;
  }

  /**
   * Requests without a token are limited by address on the event loop, before the switch to a
   * worker thread, so that a cached answer can be served there too (see {@link
   * ResponseCacheFilter}). Requests with an API key pay the address too: a made-up key is answered
   * 429 once the address has nothing left, while a recognised key gets the token back and is held
   * to its own allowance alone (see {@link #limitIdentified}). Most decisions are this instance's
   * own; when the shared store must be asked first, {@link #limitByAddressOnWorker} does it on a
   * worker thread.
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 20, nonBlocking = true)
  public Optional<Response> limitByAddress(
      ContainerRequestContext request, HttpServerRequest http) {
    Credentials credentials = Credentials.of(request);
    boolean keyed = credentials.apiKey();
    if (!limits.enabled() || credentials.signedIn()) {
      return Optional.empty();
    }
    String address = addressKey(http);
    Decision here = byAddress.takeHere(address);
    if (here == null) {
      // The shared store must be asked, which the event loop must not wait for: the request goes
      // on to a worker thread, unserved by the cache here, and limitByAddressOnWorker decides.
      request.setProperty(ADDRESS_PENDING, address);
      return Optional.empty();
    }
    return Optional.ofNullable(answerAddress(request, keyed, here));
  }

  /**
   * The address decisions the event loop could not make, on a worker thread. (A filter returning a
   * {@code Uni} would do it without a second filter, but suspends every request, which cost a third
   * of the cached answers' throughput in the benchmark.)
   */
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 5)
  public Optional<Response> limitByAddressOnWorker(ContainerRequestContext request) {
    if (!(request.getProperty(ADDRESS_PENDING) instanceof String address)) {
      return Optional.empty();
    }
    request.removeProperty(ADDRESS_PENDING);
    request.setProperty(DECIDED_ON_WORKER, Boolean.TRUE);
    boolean keyed = Credentials.of(request).apiKey();
    return Optional.ofNullable(answerAddress(request, keyed, byAddress.take(address)));
  }

  /** The address limit of this request was decided on a worker thread, after the early cache. */
  static boolean decidedOnWorker(ContainerRequestContext request) {
    return request.getProperty(DECIDED_ON_WORKER) != null;
  }

  /** The address limit of this request is still to be decided, on a worker thread. */
  static boolean pending(ContainerRequestContext request) {
    return request.getProperty(ADDRESS_PENDING) != null;
  }

  private static Response answerAddress(
      ContainerRequestContext request, boolean keyed, Decision decision) {
    request.setProperty(DECISION, decision);
    if (decision.allowed()) {
      request.setProperty(ADDRESS_TOKEN, Boolean.TRUE);
      return null;
    }
    if (keyed) {
      request.setProperty(ApiKeyFilter.ADDRESS_LIMITED, tooManyRequests(request, decision));
      return null;
    }
    return tooManyRequests(request, decision);
  }

  /** Requests with a recognised key or a token are limited once the key is recognised. */
  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Optional<Response> limitIdentified(
      ContainerRequestContext request, HttpServerRequest http) {
    if (!limits.enabled()) {
      return Optional.empty();
    }
    Decision decision;
    if (request.getProperty(ApiKeyFilter.CLIENT_PROPERTY) instanceof ApiKeyService.Client c) {
      if (request.getProperty(ADDRESS_TOKEN) != null) {
        byAddress.refund(addressKey(http));
      }
      decision = byKey.take(Long.toString(c.id()));
    } else if (Credentials.of(request).signedIn()) {
      decision = byToken(request, http);
    } else {
      return Optional.empty();
    }
    request.setProperty(DECISION, decision);
    return decision.allowed() ? Optional.empty() : Optional.of(tooManyRequests(request, decision));
  }

  private static Response tooManyRequests(ContainerRequestContext request, Decision decision) {
    return Problems.response(
        ProblemException.tooManyRequests(
            "Too many requests; try again in " + decision.retryAfter() + " seconds.",
            decision.retryAfter()),
        request.getUriInfo());
  }

  @ServerResponseFilter
  public void tell(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof Decision decision) {
      response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
      response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
      response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
    }
  }

  private Decision byToken(ContainerRequestContext request, HttpServerRequest http) {
    String authorization = Credentials.of(request).authorization();
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String subject = subject(authorization.substring(7).trim());
      if (subject != null) {
        return byAccount.take(subject);
      }
    }
    return byAddress.take(addressKey(http));
  }

  private static String addressKey(HttpServerRequest http) {
    return ClientAddress.of(http);
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
