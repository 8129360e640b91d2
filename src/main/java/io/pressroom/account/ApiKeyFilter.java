package io.pressroom.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.web.ProblemType;
import io.pressroom.web.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Recognises aggregators by X-Api-Key: requests are attributed to the key (a per-key request
 * counter, the key's last use, and the rate limit bucket); an unknown or revoked key is a 401.
 */
public class ApiKeyFilter {

  public static final String HEADER = "X-Api-Key";
  public static final String CLIENT_PROPERTY = "pressroom.api-client";

  private final ApiKeyService keys;
  private final MeterRegistry meters;

  ApiKeyFilter(ApiKeyService keys, MeterRegistry meters) {
    this.keys = keys;
    this.meters = meters;
  }

  @ServerRequestFilter
  public Optional<Response> recogniseKey(ContainerRequestContext request) {
    String key = request.getHeaderString(HEADER);
    if (key == null) {
      return Optional.empty();
    }
    Optional<ApiKeyService.Client> client = keys.recognise(key.trim());
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
