package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Issues short-lived signed access tokens naming the account and its handle, for this API's
 * audience, signed with the current key and naming it ({@code kid}), and the session they belong to
 * ({@code sid}). They carry no role: every request reads the account's role, and whether the
 * session is still open, from the database.
 */
@ApplicationScoped
class AccessTokens {

  record Issued(String token, Instant expiresAt) {}

  /** The refresh token family the access token belongs to. */
  static final String SESSION_CLAIM = "sid";

  private final TokenKeys keys;
  private final PressroomConfig config;

  AccessTokens(TokenKeys keys, PressroomConfig config) {
    this.keys = keys;
    this.config = config;
  }

  /** A token of the session {@code session} (its refresh token family): it ends with it. */
  Issued issue(Account account, UUID session) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(config.tokens().accessTokenLifetime());
    String token =
        Jwt.issuer(config.tokens().issuer())
            .audience(config.tokens().audience())
            .subject(Long.toString(account.id))
            .upn(account.handle)
            .claim("handle", account.handle)
            .claim(SESSION_CLAIM, session.toString())
            .issuedAt(now)
            .expiresAt(expiresAt)
            .jws()
            .keyId(keys.keyId())
            .sign(keys.privateKey());
    return new Issued(token, expiresAt);
  }
}
