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
import java.util.UUID;
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

  AccountIdentityAugmentor(AccountQueries queries, KnownSessions known) {
    this.queries = queries;
    this.known = known;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    long id;
    UUID session;
    try {
      id = Long.parseLong(token.getSubject());
      session = UUID.fromString(String.valueOf(token.<Object>getClaim(AccessTokens.SESSION_CLAIM)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("The token names no account or no session"));
    }
    Optional<AccountQueries.Identity> remembered = known.remembered(id, session);
    if (remembered != null) {
      // No statement and no worker thread: the check as it was read, still standing.
      return Uni.createFrom().item(() -> withAccount(identity, id, remembered));
    }
    return context.runBlocking(() -> withCurrentAccount(identity, id, session));
  }

  @ActivateRequestContext
  SecurityIdentity withCurrentAccount(SecurityIdentity identity, long id, UUID session) {
    long since = known.readingSince();
    Optional<AccountQueries.Identity> account = queries.identity(id, session);
    known.remember(id, session, account, since);
    return withAccount(identity, id, account);
  }

  private static SecurityIdentity withAccount(
      SecurityIdentity identity, long id, Optional<AccountQueries.Identity> account) {
    if (account.isEmpty() || account.get().disabled()) {
      throw new AuthenticationFailedException("The account is disabled or gone");
    }
    if (!account.get().sessionOpen()) {
      throw new AuthenticationFailedException("The session ended");
    }
    Role role = account.get().role();
    // A fresh builder rather than builder(identity), which would copy the token's groups as roles.
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addAttributes(identity.getAttributes())
            .addAttribute(ACCOUNT_ID, id)
            .addAttribute(HANDLE, account.get().handle())
            .addAttribute(ROLE, role);
    for (Role granted : Role.values()) {
      if (role.includes(granted)) {
        builder.addRole(granted.value());
      }
    }
    return builder.build();
  }
}
