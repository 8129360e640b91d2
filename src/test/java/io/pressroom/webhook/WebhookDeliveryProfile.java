package io.pressroom.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Webhook delivery for the tests that wait for it (other tests run no dispatcher), quick: a 1 s
 * timeout (so a claim's lease is 12 s), a short poll and a small response excerpt.
 */
public class WebhookDeliveryProfile implements QuarkusTestProfile {

  static final int EXCERPT_BYTES = 64;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "pressroom.webhooks.dispatch", "true",
        "pressroom.webhooks.timeout", "1s",
        "pressroom.webhooks.poll-interval", "200ms",
        "pressroom.webhooks.response-excerpt-bytes", Integer.toString(EXCERPT_BYTES));
  }
}
