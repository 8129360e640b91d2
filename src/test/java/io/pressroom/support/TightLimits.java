package io.pressroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Short lifetimes and low limits for the tests that wait for an expiry or run into a throttle; one
 * profile for all of them, so that Quarkus restarts once for the lot. Requests may name their
 * client in X-Forwarded-For: the tests' own address is a trusted proxy here.
 */
public class TightLimits implements QuarkusTestProfile {

  public static final int REPORTS_PER_ADDRESS = 3;
  public static final int SIGN_UPS_PER_ADDRESS = 3;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "pressroom.source-links.lifetime",
        "1s",
        "pressroom.reports.per-address",
        Integer.toString(REPORTS_PER_ADDRESS),
        "pressroom.sign-ups-per-address",
        Integer.toString(SIGN_UPS_PER_ADDRESS),
        // The test client stands in for a trusted proxy, so that each test can be its own client.
        "quarkus.http.proxy.trusted-proxies",
        "127.0.0.1,::1",
        // Webhook targets as in production: https only, and no internal address.
        "pressroom.webhooks.allow-http",
        "false",
        "pressroom.webhooks.allow-private-targets",
        "false");
  }
}
