package io.pressroom.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling, as far as a service needs to know: an account id, handle and role. */
@RequestScoped
public class CurrentUser {

  /** A signed-in caller. */
  public record Caller(long accountId, String handle, Role role) {
    public boolean is(Role atLeast) {
      return role.includes(atLeast);
    }
  }

  private final SecurityIdentity identity;

  CurrentUser(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The signed-in caller, if any; a present but invalid token fails the request with 401. */
  public Optional<Caller> caller() {
    if (identity.isAnonymous()
        || identity.getAttribute(AccountIdentityAugmentor.ACCOUNT_ID) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(
            identity.<Long>getAttribute(AccountIdentityAugmentor.ACCOUNT_ID),
            identity.getAttribute(AccountIdentityAugmentor.HANDLE),
            identity.getAttribute(AccountIdentityAugmentor.ROLE)));
  }

  /** The signed-in caller of an endpoint that requires one. */
  public Caller required() {
    return caller().orElseThrow(UnauthorizedException::new);
  }
}
