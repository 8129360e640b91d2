package io.pressroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Short lifetimes and low limits for the tests that wait for an expiry or run into a throttle; one
 * profile for all of them, so that Quarkus restarts once for the lot.
 */
public class TightLimits implements QuarkusTestProfile {

  public static final int REPORTS_PER_ADDRESS = 3;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "pressroom.source-links.lifetime",
        "1s",
        "pressroom.reports.per-address",
        Integer.toString(REPORTS_PER_ADDRESS));
  }
}
