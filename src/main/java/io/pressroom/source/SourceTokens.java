package io.pressroom.source;

import io.pressroom.PressroomConfig;
import io.pressroom.crypto.InstanceSecrets;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens bound to one article: {@code <articleId>.<expiresAt epoch
 * seconds>.<HMAC-SHA256>}. The signature covers the article and the expiry, so neither can be
 * changed; the token carries no URL, and redeeming it always leads to the article's stored source.
 */
@ApplicationScoped
class SourceTokens {

  private static final Pattern SHAPE = Pattern.compile("\\d{1,19}\\.\\d{1,19}\\.[A-Za-z0-9_-]{43}");
  private static final String PURPOSE = "pressroom-source-link\u001f";

  private final PressroomConfig config;
  private final InstanceSecrets secrets;
  private volatile SecretKeySpec key;

  SourceTokens(PressroomConfig config, InstanceSecrets secrets) {
    this.config = config;
    this.secrets = secrets;
  }

  /** A token for {@code articleId}, and when it stops working. */
  record Issued(String token, Instant expiresAt) {}

  /** What a valid token names. */
  record Claims(long articleId, Instant expiresAt) {
    boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  Issued issue(long articleId, Instant now) {
    Instant end = now.plus(config.sourceLinks().lifetime());
    // Whole seconds, rounded up, so that a link never works for less than the lifetime.
    long expires = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    String payload = articleId + "." + expires;
    return new Issued(payload + "." + sign(payload), Instant.ofEpochSecond(expires));
  }

  /** The claims of a token this installation signed; anything else is a 401 problem. */
  Claims verify(String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      throw forged();
    }
    int lastDot = token.lastIndexOf('.');
    String payload = token.substring(0, lastDot);
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw forged();
    }
    String[] parts = payload.split("\\.");
    try {
      return new Claims(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      throw forged();
    }
  }

  private static ProblemException forged() {
    return new ProblemException(
        ProblemType.UNAUTHORIZED,
        "This link was not issued by this site or was altered; ask for a new one.");
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] signature = mac.doFinal((PURPOSE + payload).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      String secret =
          config
              .sourceLinks()
              .key()
              .filter(k -> !k.isBlank())
              .orElseGet(() -> secrets.randomKey("source-link-key"));
      current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
      key = current;
    }
    return current;
  }
}
