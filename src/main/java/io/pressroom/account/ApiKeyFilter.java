package io.pressroom.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.web.ClientAddress;
import io.pressroom.web.Credentials;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Recognises aggregators by X-Api-Key: requests are attributed to the key (a per-key request
 * counter, the key's last use, and the rate limit bucket); an unknown or revoked key is a 401, and
 * too many of them from one address a 429.
 */
public class ApiKeyFilter {

  public static final String CLIENT_PROPERTY = "pressroom.api-client";

  /**
   * Set by the rate limit when the client address has nothing left: the 429 answer for a key that
   * turns out not to be recognised (a recognised key has its own allowance).
   */
  public static final String ADDRESS_LIMITED = "pressroom.address-limited";

  private final ApiKeyService keys;
  private final MeterRegistry meters;

  ApiKeyFilter(ApiKeyService keys, MeterRegistry meters) {
    this.keys = keys;
    this.meters = meters;
  }

  /** Runs after the address limit (RateLimitFilter), so that a made-up key costs the address. */
  @ServerRequestFilter
  public Optional<Response> recogniseKey(ContainerRequestContext request, HttpServerRequest http) {
    String key = request.getHeaderString(Credentials.API_KEY_HEADER);
    if (key == null) {
      return Optional.empty();
    }
    Optional<ApiKeyService.Client> client;
    try {
      client = keys.recognise(key.trim(), ClientAddress.of(http));
    } catch (ProblemException e) {
      return Optional.of(Problems.response(e, request.getUriInfo()));
    }
    if (client.isEmpty() && request.getProperty(ADDRESS_LIMITED) instanceof Response limited) {
      return Optional.of(limited);
    }
    if (client.isEmpty()) {
      return Optional.of(
          Problems.response(
              ProblemType.UNAUTHORIZED,
              "The API key is unknown or was revoked.",
              request.getUriInfo(),
              List.of()));
    }
    request.setProperty(CLIENT_PROPERTY, client.get());
    meters.counter("pressroom.api_key.requests", "client", client.get().name()).increment();
    return Optional.empty();
  }
}
