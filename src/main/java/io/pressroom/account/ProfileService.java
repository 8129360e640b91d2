package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.pressroom.author.AuthorService;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.web.ProblemException;
import io.pressroom.web.Validation;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.Objects;

/** The signed-in caller's own account: reading it, changing the profile or the password. */
@ApplicationScoped
class ProfileService {

  private final AccountQueries queries;
  private final Passwords passwords;
  private final SignInThrottle throttle;
  private final SessionService sessions;
  private final Validation validation;
  private final AuthorService authors;
  private final Event<PublicContentChanged> changed;
  private final Event<BylineChanged> bylines;
  private final AvatarHosts avatars;

  ProfileService(
      AccountQueries queries,
      Passwords passwords,
      SignInThrottle throttle,
      SessionService sessions,
      Validation validation,
      AuthorService authors,
      Event<PublicContentChanged> changed,
      Event<BylineChanged> bylines,
      PressroomConfig config) {
    this.queries = queries;
    this.passwords = passwords;
    this.throttle = throttle;
    this.sessions = sessions;
    this.validation = validation;
    this.authors = authors;
    this.changed = changed;
    this.bylines = bylines;
    this.avatars = new AvatarHosts(config.avatars().hosts());
  }

  public AccountView me(long accountId) {
    return AccountView.of(find(accountId));
  }

  /** Changes the caller's profile; a new password needs the current one and ends every session. */
  @Transactional
  public AccountView update(long accountId, ProfilePatch patch) {
    Account account = find(accountId);
    ProfileFields fields = validation.check(patch.applyTo(account));
    // Only a new avatar is checked: one set before the hosts were narrowed does not block the
    // profile's other changes.
    if (!Objects.equals(fields.avatarUrl(), account.avatarUrl)
        && !avatars.allows(fields.avatarUrl())) {
      throw ProblemException.invalidField("avatarUrl", avatars.rule());
    }
    if (patch.setsPassword()) {
      changePassword(account, patch.password(), patch.currentPassword());
    } else if (patch.namesCurrentPassword()) {
      throw ProblemException.invalidField("currentPassword", "only goes with password");
    }
    boolean bylineChanged = account.bylineChangedBy(fields);
    boolean shownFieldsChanged = account.changeProfile(fields);
    // Only an author's profile is public; a reader's changes must not empty the shared cache.
    if (shownFieldsChanged && authors.isAuthor(account.id)) {
      changed.fire(new PublicContentChanged("profile"));
    }
    if (bylineChanged) {
      bylines.fire(new BylineChanged(account.id));
    }
    return AccountView.of(account);
  }

  /**
   * A wrong current password counts against the account like a failed sign-in, so that a stolen
   * access token cannot be used to guess it.
   */
  private void changePassword(Account account, String password, String currentPassword) {
    if (currentPassword == null) {
      throw ProblemException.invalidField(
          "currentPassword", "must be your current password to set a new one");
    }
    throttle.spendForEmail(account.email);
    if (!passwords.matches(currentPassword, account.passwordHash)) {
      throw ProblemException.invalidField(
          "currentPassword", "must be your current password to set a new one");
    }
    throttle.refundForEmail(account.email);
    if (Passwords.tooShort(password)) {
      throw ProblemException.invalidField("password", Passwords.LENGTH_RULE);
    }
    Passwords.refuseTooLong(password);
    account.changePasswordHash(passwords.hash(password));
    sessions.endAll(account);
  }

  /** The caller's account; gone only if deleted after this request's identity check. */
  private Account find(long id) {
    return queries.byId(id).orElseThrow(UnauthorizedException::new);
  }
}
