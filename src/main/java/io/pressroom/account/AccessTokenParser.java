package io.pressroom.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * SmallRye JWT's parser, verifying with the installation's keys from {@link TokenKeys} rather than
 * a key file named in configuration. Only RS256 tokens of our issuer, for our audience, that name
 * in their {@code kid} header one of the keys of {@link TokenKeys#verificationKeySet()} (the
 * signing key and the previous keys of a rotation window) are accepted.
 *
 * <p>A token that verified is remembered until it expires, so that a signed-in reader's next
 * requests skip the RSA signature check and the JSON parsing (a third of a cached signed-in
 * answer's CPU time). What a signature proves cannot change: the keys are loaded once at start, and
 * the expiry is checked on every use. Whether the account and its session still stand is not part
 * of this: {@link AccountIdentityAugmentor} checks that on every request ({@link KnownSessions}
 * remembers it only until a change to the account or its sessions commits).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AccessTokenParser implements JWTParser {

  private static final int REMEMBERED_TOKENS = 10_000;

  private final DefaultJWTParser delegate;

  /**
   * A verified token and the account and session it names, read once: the library looks every
   * claim's name up among the standard ones first and throws for a name they lack, as {@code sid}
   * is, filling in a stack trace on each read (3% of a signed-in write's CPU time, measured).
   */
  private record Verified(JsonWebToken token, Optional<CurrentUser.TokenSession> session) {}

  private final Cache<String, Verified> verified;

  AccessTokenParser(TokenKeys keys, PressroomConfig config) {
    JWTAuthContextInfo context = new JWTAuthContextInfo();
    context.setIssuedBy(config.tokens().issuer());
    context.setExpectedAudience(Set.of(config.tokens().audience()));
    // A JWK set with ids: the library picks the key by the token's kid, and refuses unknown ones.
    context.setPublicKeyContent(keys.verificationKeySet());
    context.setKeyFormat(KeyFormat.JWK);
    context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
    context.setExpGracePeriodSecs(0);
    context.setClockSkew(0);
    context.setRequireNamedPrincipal(true);
    this.delegate = new DefaultJWTParser(context);
    // No token outlives its lifetime, so neither does a remembered one.
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(config.tokens().accessTokenLifetime())
            .build();
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    Verified known = verified.getIfPresent(token);
    if (known != null) {
      if (unexpired(known.token())) {
        return known.token();
      }
      verified.invalidate(token);
    }
    requireKeyId(token);
    JsonWebToken parsed = delegate.parse(token);
    verified.put(token, new Verified(parsed, CurrentUser.TokenSession.of(parsed)));
    return parsed;
  }

  /**
   * The account and session {@code token} names: as read when this parser verified it, else read
   * now (empty when it names none).
   */
  Optional<CurrentUser.TokenSession> session(JsonWebToken token) {
    String raw = token.getRawToken();
    Verified known = raw == null ? null : verified.getIfPresent(raw);
    return known != null && known.token() == token
        ? known.session()
        : CurrentUser.TokenSession.of(token);
  }

  /** As the library decides it with no grace period: expired from the second {@code exp} names. */
  private static boolean unexpired(JsonWebToken token) {
    return Instant.now().getEpochSecond() < token.getExpirationTime();
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return parse(token);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return parse(token);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return parse(token);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return parse(token);
  }

  /**
   * With a single key in the set the library would try it on a token that names no key; every token
   * we issue names its key, so one that does not is refused whatever the set holds.
   */
  private static void requireKeyId(String token) throws ParseException {
    String keyId;
    try {
      keyId = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
    } catch (JoseException | RuntimeException e) {
      throw new ParseException("The token is malformed", e);
    }
    if (keyId == null || keyId.isBlank()) {
      throw new ParseException("The token names no signing key (kid)");
    }
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    throw new ParseException("Encrypted tokens are not accepted");
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return parse(token);
  }
}
