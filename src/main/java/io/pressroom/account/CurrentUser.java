package io.pressroom.account;

import io.pressroom.web.Credentials;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as far as a service needs to know: an account id, handle and role. */
@RequestScoped
public class CurrentUser {

  /** A signed-in caller. */
  public record Caller(long accountId, String handle, Role role) {
    public boolean is(Role atLeast) {
      return role.includes(atLeast);
    }
  }

  /** The account and the session a verified token names. */
  record TokenSession(long accountId, UUID session) {

    /** Empty when the token names no account or no session: it is refused. */
    static Optional<TokenSession> of(JsonWebToken token) {
      try {
        return Optional.of(
            new TokenSession(
                Long.parseLong(token.getSubject()),
                UUID.fromString(
                    String.valueOf(token.<Object>getClaim(AccessTokens.SESSION_CLAIM)))));
      } catch (IllegalArgumentException | NullPointerException e) {
        return Optional.empty();
      }
    }
  }

  private final SecurityIdentity identity;
  private final CurrentVertxRequest request;

  CurrentUser(SecurityIdentity identity, CurrentVertxRequest request) {
    this.identity = identity;
    this.request = request;
  }

  /** The signed-in caller, if any; a present but invalid token fails the request with 401. */
  public Optional<Caller> caller() {
    if (withoutToken()
        || identity.isAnonymous()
        || identity.getAttribute(AccountIdentityAugmentor.ACCOUNT_ID) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(
            identity.<Long>getAttribute(AccountIdentityAugmentor.ACCOUNT_ID),
            identity.getAttribute(AccountIdentityAugmentor.HANDLE),
            identity.getAttribute(AccountIdentityAugmentor.ROLE)));
  }

  /**
   * Whether this is an HTTP request without a token ({@link Credentials}): nobody signed in, known
   * without asking the security layer, which works that out through a chain of a few dozen
   * asynchronous steps on every anonymous request (a thirtieth of a search's time).
   */
  private boolean withoutToken() {
    RoutingContext context = request.getCurrent();
    return context != null && !Credentials.of(context.request()).token();
  }

  /**
   * The one rule of who a token's holder is, given the account and session as they stand (read by
   * {@link AccountQueries#identity} or remembered by {@link KnownSessions}): nobody when the
   * account is gone or disabled or the session ended, and otherwise the account with its role now
   * (never the token's). Used by {@link AccountIdentityAugmentor} and by {@link RememberedCallers}.
   */
  static Optional<Caller> callerOf(TokenSession token, Optional<AccountQueries.Identity> account) {
    if (account.isEmpty() || account.get().disabled() || !account.get().sessionOpen()) {
      return Optional.empty();
    }
    return Optional.of(new Caller(token.accountId(), account.get().handle(), account.get().role()));
  }

  /** The signed-in caller of an endpoint that requires one. */
  public Caller required() {
    return caller().orElseThrow(UnauthorizedException::new);
  }
}
