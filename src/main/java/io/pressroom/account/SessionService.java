package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.pressroom.crypto.Hashing;
import io.pressroom.crypto.InstanceSecrets;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions: each is a family of single-use refresh tokens, and the access tokens issued
 * with them name it, so ending the session ends them all at once (see AccountIdentityAugmentor).
 */
@ApplicationScoped
class SessionService {

  private final AccountQueries queries;
  private final Passwords passwords;
  private final AccessTokens accessTokens;
  private final SignInThrottle throttle;
  private final PressroomConfig config;
  private final Event<AccountChanged> changes;

  SessionService(
      AccountQueries queries,
      Passwords passwords,
      AccessTokens accessTokens,
      SignInThrottle throttle,
      PressroomConfig config,
      Event<AccountChanged> changes) {
    this.queries = queries;
    this.passwords = passwords;
    this.accessTokens = accessTokens;
    this.throttle = throttle;
    this.config = config;
    this.changes = changes;
  }

  /** Signs in; the same 401 for an unknown email and a wrong password. */
  @Transactional(dontRollbackOn = ProblemException.class)
  public Session signIn(SignInRequest request, String clientAddress) {
    throttle.spend(request.email(), clientAddress);
    Optional<Account> found = queries.byEmail(request.email().trim());
    boolean valid =
        passwords.matches(request.password(), found.map(a -> a.passwordHash).orElse(null));
    if (!valid) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "The email or the password is wrong.");
    }
    throttle.refund(request.email(), clientAddress);
    Account account = found.get();
    if (account.disabled) {
      throw ProblemException.forbidden("This account is disabled.");
    }
    return open(account, UUID.randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already used means it leaked (or was
   * stolen): the whole family is revoked and both holders must sign in again.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public Session refresh(String token) {
    RefreshToken current =
        queries
            .refreshTokenForUpdate(Hashing.sha256Hex(token))
            .orElseThrow(SessionService::invalidRefreshToken);
    Instant now = Instant.now();
    if (current.wasUsed()) {
      queries.revokeFamily(current.familyId, now);
      changes.fire(new AccountChanged(current.account.id));
      throw invalidRefreshToken();
    }
    if (current.isRevokedOrExpired(now)) {
      throw invalidRefreshToken();
    }
    Account account = current.account;
    if (account.disabled) {
      throw invalidRefreshToken();
    }
    current.markUsed(now);
    return open(account, current.familyId);
  }

  /** Revokes the session of this refresh token; unknown tokens are ignored. */
  @Transactional
  public void logout(String token) {
    queries
        .refreshToken(Hashing.sha256Hex(token))
        .ifPresent(
            t -> {
              queries.revokeFamily(t.familyId, Instant.now());
              changes.fire(new AccountChanged(t.account.id));
            });
  }

  /** A new access token and refresh token of the session {@code family} (new or renewed). */
  Session open(Account account, UUID family) {
    String refreshToken = InstanceSecrets.randomBase64(32);
    queries.add(
        new RefreshToken(
            account,
            family,
            Hashing.sha256Hex(refreshToken),
            config.tokens().refreshTokenLifetime()));
    AccessTokens.Issued access = accessTokens.issue(account, family);
    return new Session(access.token(), access.expiresAt(), refreshToken, AccountView.of(account));
  }

  /** Ends every session of the account, this request's own included. */
  void endAll(Account account) {
    queries.revokeAllSessions(account.id, Instant.now());
    changes.fire(new AccountChanged(account.id));
  }

  private static ProblemException invalidRefreshToken() {
    return new ProblemException(
        ProblemType.UNAUTHORIZED,
        "This refresh token is invalid, expired or was already used; sign in again.");
  }
}
