package io.pressroom.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks every token against the account and its session as they are now: the tokens of a disabled
 * or deleted account, and of a session that ended (logout, password change, a refresh token used
 * twice), stop working at once, and a role change, up or down, takes effect on the next request
 * rather than when the token expires. The check is read by one statement, or comes from {@link
 * KnownSessions}, which forgets it whenever one of those changes commits. The identity's roles come
 * from the account row alone, never from the token's {@code groups} claim, and are expanded so that
 * each includes the ones below it.
 */
@ApplicationScoped
class AccountIdentityAugmentor implements SecurityIdentityAugmentor {

  static final String ACCOUNT_ID = "pressroom.account-id";
  static final String HANDLE = "pressroom.handle";
  static final String ROLE = "pressroom.role";

  private final AccountQueries queries;
  private final KnownSessions known;
  private final AccessTokenParser tokens;

  AccountIdentityAugmentor(AccountQueries queries, KnownSessions known, AccessTokenParser tokens) {
    this.queries = queries;
    this.known = known;
    this.tokens = tokens;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    Optional<CurrentUser.TokenSession> named = tokens.session(token);
    if (named.isEmpty()) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("The token names no account or no session"));
    }
    CurrentUser.TokenSession session = named.get();
    Optional<AccountQueries.Identity> remembered =
        known.remembered(session.accountId(), session.session());
    if (remembered != null) {
      // No statement and no worker thread: the check as it was read, still standing.
      return Uni.createFrom().item(() -> withAccount(identity, session, remembered));
    }
    return context.runBlocking(() -> withCurrentAccount(identity, session));
  }

  @ActivateRequestContext
  SecurityIdentity withCurrentAccount(SecurityIdentity identity, CurrentUser.TokenSession session) {
    long since = known.readingSince();
    Optional<AccountQueries.Identity> account =
        queries.identity(session.accountId(), session.session());
    known.remember(session.accountId(), session.session(), account, since);
    return withAccount(identity, session, account);
  }

  private static SecurityIdentity withAccount(
      SecurityIdentity identity,
      CurrentUser.TokenSession session,
      Optional<AccountQueries.Identity> account) {
    CurrentUser.Caller caller =
        CurrentUser.callerOf(session, account)
            .orElseThrow(
                () ->
                    new AuthenticationFailedException(
                        "The account is disabled or gone, or the session ended"));
    Role role = caller.role();
    // A fresh builder rather than builder(identity), which would copy the token's groups as roles.
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addAttributes(identity.getAttributes())
            .addAttribute(ACCOUNT_ID, caller.accountId())
            .addAttribute(HANDLE, caller.handle())
            .addAttribute(ROLE, role);
    for (Role granted : Role.values()) {
      if (role.includes(granted)) {
        builder.addRole(granted.value());
      }
    }
    return builder.build();
  }
}
