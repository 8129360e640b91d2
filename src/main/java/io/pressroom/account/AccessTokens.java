package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Issues short-lived signed access tokens naming the account, its handle and its role. */
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
            .subject(Long.toString(account.id))
            .upn(account.handle)
            .claim("handle", account.handle)
            .groups(Set.of(account.role))
            .issuedAt(now)
            .expiresAt(expiresAt)
            .jws()
            .keyId("pressroom-1")
            .sign(keys.privateKey());
    return new Issued(token, expiresAt);
  }
}
