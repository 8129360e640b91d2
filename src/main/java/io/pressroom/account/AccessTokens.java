package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Issues short-lived signed access tokens naming the account and its handle, for this API's
 * audience, signed with the current key and naming it ({@code kid}). They carry no role: every
 * request reads the account's role from the database.
 */
@ApplicationScoped
class AccessTokens {

  record Issued(String token, Instant expiresAt) {}

  private final TokenKeys keys;
  private final PressroomConfig config;

  AccessTokens(TokenKeys keys, PressroomConfig config) {
    this.keys = keys;
    this.config = config;
  }

  Issued issue(Account account) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(config.tokens().accessTokenLifetime());
    String token =
        Jwt.issuer(config.tokens().issuer())
            .audience(config.tokens().audience())
            .subject(Long.toString(account.id))
            .upn(account.handle)
            .claim("handle", account.handle)
            .issuedAt(now)
            .expiresAt(expiresAt)
            .jws()
            .keyId(keys.keyId())
            .sign(keys.privateKey());
    return new Issued(token, expiresAt);
  }
}
