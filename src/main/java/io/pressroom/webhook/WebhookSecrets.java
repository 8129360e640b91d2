package io.pressroom.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets as Standard Webhooks writes them: {@code whsec_} and the standard base64 of 32
 * random bytes (the key of HMAC-SHA256), which its libraries read as they are.
 */
final class WebhookSecrets {

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }
}
