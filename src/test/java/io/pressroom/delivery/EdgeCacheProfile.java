package io.pressroom.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** An edge cache configured: purges go to the test's stand-in for Varnish on a fixed port. */
public class EdgeCacheProfile implements QuarkusTestProfile {

  /** In the edge helper's port range, so that parallel builds on this machine do not collide. */
  static final int RECEIVER_PORT = 19650;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "pressroom.edge-cache.purge-urls",
        "http://127.0.0.1:" + RECEIVER_PORT + "/",
        "pressroom.edge-cache.max-age",
        "2h");
  }
}
