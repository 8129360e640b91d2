package io.pressroom.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The {@code webhook-signature} header of Standard Webhooks, made with its reference library:
 * {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} under the current secret, followed
 * (space-separated) by the same under the previous secret while a rotation's overlap lasts, so that
 * receivers still holding either secret accept the message.
 */
final class Signatures {

  private Signatures() {}

  /** {@code previousSecret} is null when no rotation is in its overlap. */
  static String header(
      String messageId,
      long timestampSeconds,
      String payload,
      String secret,
      String previousSecret) {
    String header = sign(secret, messageId, timestampSeconds, payload);
    if (previousSecret != null && !previousSecret.equals(secret)) {
      header += " " + sign(previousSecret, messageId, timestampSeconds, payload);
    }
    return header;
  }

  private static String sign(String secret, String messageId, long timestamp, String payload) {
    try {
      return new Webhook(secret).sign(messageId, timestamp, payload);
    } catch (WebhookSigningException | EmptyWebhookSecretException e) {
      // HMAC-SHA256 is in every JVM; only a malformed secret gets here, and the server made it.
      throw new IllegalStateException("A webhook secret could not sign", e);
    }
  }
}
