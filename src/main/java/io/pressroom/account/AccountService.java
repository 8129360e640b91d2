package io.pressroom.account;

import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns the accounts table for other features: creating accounts (sign-up, the system's own, the
 * first admin) and finding one by handle. Sessions, profiles and administration have services of
 * their own.
 */
@ApplicationScoped
public class AccountService {

  private final AccountQueries queries;
  private final Passwords passwords;
  private final SignUpThrottle signUps;
  private final SessionService sessions;

  AccountService(
      AccountQueries queries,
      Passwords passwords,
      SignUpThrottle signUps,
      SessionService sessions) {
    this.queries = queries;
    this.passwords = passwords;
    this.signUps = signUps;
    this.sessions = sessions;
  }

  /** The account with this handle, or a 404 problem: the one way other features find one. */
  public Account requireByHandle(String handle) {
    return queries
        .byHandle(handle)
        .orElseThrow(
            () -> ProblemException.notFound("No account has the handle '" + handle + "'."));
  }

  /** Creates an account for the system itself (demo content); it has no password. */
  @Transactional
  public Account create(NewProfile profile) {
    Account account =
        new Account(profile.handle(), profile.email(), profile.name(), profile.role());
    account.bio = profile.bio();
    account.avatarUrl = profile.avatarUrl();
    account.websiteUrl = profile.websiteUrl();
    queries.add(account);
    return account;
  }

  /** Creates a reader's account and signs it in; emails are unique ignoring case. */
  @Transactional
  public Session signUp(SignUpRequest request, String clientAddress) {
    signUps.spend(clientAddress);
    Passwords.refuseTooLong(request.password());
    String email = request.email().trim();
    if (queries.emailTaken(email)) {
      throw ProblemException.conflict("email", "an account with this email exists already");
    }
    if (queries.handleTaken(request.handle())) {
      throw ProblemException.conflict("handle", "this handle is taken");
    }
    Account account = new Account(request.handle(), email, request.name().trim(), Role.READER);
    account.changePasswordHash(passwords.hash(request.password()));
    queries.add(account);
    queries.flush();
    return sessions.open(account, UUID.randomUUID());
  }

  /**
   * Creates the first admin with this email and password, unless an account with this email exists
   * already: that one is left exactly as it is (never promoted, re-enabled or given this password),
   * since whoever signed it up is not necessarily the operator.
   */
  @Transactional
  public FirstAdminOutcome createFirstAdmin(String email, String password) {
    Optional<Account> existing = queries.byEmail(email.trim());
    if (existing.isPresent()) {
      return existing.get().isEnabledAdmin()
          ? FirstAdminOutcome.ALREADY_AN_ADMIN
          : FirstAdminOutcome.LEFT_AS_IT_IS;
    }
    Passwords.refuseTooLong(password);
    if (Passwords.tooShort(password)) {
      throw new IllegalStateException("PRESSROOM_ADMIN_PASSWORD must be at least 10 characters");
    }
    Account account = new Account(freeHandle("admin"), email.trim(), "Administrator", Role.ADMIN);
    account.changePasswordHash(passwords.hash(password));
    queries.add(account);
    return FirstAdminOutcome.CREATED;
  }

  /** What {@link #createFirstAdmin} did. */
  public enum FirstAdminOutcome {
    CREATED,
    /** The email belongs to an enabled admin already (usually the one created before). */
    ALREADY_AN_ADMIN,
    /** The email belongs to an account that is not an enabled admin; nothing was changed. */
    LEFT_AS_IT_IS
  }

  /** The handle, or the first of handle-2, handle-3 ... that no account has. */
  private String freeHandle(String base) {
    String handle = base;
    for (int n = 2; queries.handleTaken(handle); n++) {
      handle = base + "-" + n;
    }
    return handle;
  }
}
