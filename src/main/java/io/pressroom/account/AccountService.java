package io.pressroom.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.PressroomConfig;
import io.pressroom.author.AuthorService;
import io.pressroom.web.Hashing;
import io.pressroom.web.InstanceSecrets;
import io.pressroom.web.MergePatch;
import io.pressroom.web.PageCut;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.PublicContentChanged;
import io.pressroom.web.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts and their sessions: sign-up, sign-in, refresh, logout and profile changes. */
@ApplicationScoped
public class AccountService {

  static final Set<String> PROFILE_FIELDS =
      Set.of("name", "bio", "avatarUrl", "websiteUrl", "password", "currentPassword");

  private final Passwords passwords;
  private final AccessTokens accessTokens;
  private final SignInThrottle throttle;
  private final SignUpThrottle signUps;
  private final PressroomConfig config;
  private final Validation validation;
  private final EntityManager entityManager;
  private final Event<PublicContentChanged> changed;
  private final AuthorService authors;

  AccountService(
      Passwords passwords,
      AccessTokens accessTokens,
      SignInThrottle throttle,
      SignUpThrottle signUps,
      PressroomConfig config,
      Validation validation,
      EntityManager entityManager,
      Event<PublicContentChanged> changed,
      AuthorService authors) {
    this.changed = changed;
    this.authors = authors;
    this.passwords = passwords;
    this.accessTokens = accessTokens;
    this.throttle = throttle;
    this.signUps = signUps;
    this.config = config;
    this.validation = validation;
    this.entityManager = entityManager;
  }

  /** Creates an account for the system itself (demo content); it has no password. */
  @Transactional
  public Account create(NewProfile profile) {
    Account account =
        new Account(profile.handle(), profile.email(), profile.name(), profile.role());
    account.bio = profile.bio();
    account.avatarUrl = profile.avatarUrl();
    account.websiteUrl = profile.websiteUrl();
    account.persist();
    return account;
  }

  public Optional<Account> byHandle(String handle) {
    return Account.find("handle", handle).firstResultOptional();
  }

  @Transactional
  public Session signUp(SignUpRequest request, String clientAddress) {
    signUps.spend(clientAddress);
    checkPasswordLength(request.password());
    String email = request.email().trim();
    if (Account.count("lower(email) = lower(?1)", email) > 0) {
      throw ProblemException.conflict("email", "an account with this email exists already");
    }
    if (Account.count("handle", request.handle()) > 0) {
      throw ProblemException.conflict("handle", "this handle is taken");
    }
    Account account = new Account(request.handle(), email, request.name().trim(), Role.READER);
    account.passwordHash = passwords.hash(request.password());
    account.persist();
    entityManager.flush();
    return newSession(account, UUID.randomUUID());
  }

  /** Signs in; the same 401 for an unknown email and a wrong password. */
  @Transactional(dontRollbackOn = ProblemException.class)
  public Session signIn(SignInRequest request, String clientAddress) {
    throttle.spend(request.email(), clientAddress);
    Optional<Account> found =
        Account.find("lower(email) = lower(?1)", request.email().trim()).firstResultOptional();
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
    return newSession(account, UUID.randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already used means it leaked (or was
   * stolen): the whole family is revoked and both holders must sign in again.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public Session refresh(String token) {
    RefreshToken current =
        entityManager
            .createQuery("from RefreshToken where tokenHash = :hash", RefreshToken.class)
            .setParameter("hash", Hashing.sha256Hex(token))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(AccountService::invalidRefreshToken);
    Instant now = Instant.now();
    if (current.usedAt != null) {
      revokeFamily(current.familyId, now);
      throw invalidRefreshToken();
    }
    if (current.revokedAt != null || current.expiresAt.isBefore(now)) {
      throw invalidRefreshToken();
    }
    Account account = current.account;
    if (account.disabled) {
      throw invalidRefreshToken();
    }
    current.usedAt = now;
    return newSession(account, current.familyId);
  }

  /** Revokes the session of this refresh token; unknown tokens are ignored. */
  @Transactional
  public void logout(String token) {
    RefreshToken.<RefreshToken>find("tokenHash", Hashing.sha256Hex(token))
        .firstResultOptional()
        .ifPresent(t -> revokeFamily(t.familyId, Instant.now()));
  }

  public AccountView me(long accountId) {
    return AccountView.of(find(accountId));
  }

  /** Changes the caller's profile; a new password needs the current one and ends other sessions. */
  @Transactional
  public AccountView updateMe(long accountId, JsonNode body) {
    MergePatch patch = MergePatch.of(body, PROFILE_FIELDS);
    Account account = find(accountId);
    ProfileFields fields =
        validation.check(
            new ProfileFields(
                patch.text("name", account.name),
                patch.text("bio", account.bio),
                patch.text("avatarUrl", account.avatarUrl),
                patch.text("websiteUrl", account.websiteUrl)));
    if (patch.has("password")) {
      String password = patch.text("password", null);
      String currentPassword = patch.text("currentPassword", null);
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
      if (password == null || password.length() < 10) {
        throw ProblemException.invalidField("password", "must be 10 to 72 characters long");
      }
      checkPasswordLength(password);
      account.passwordHash = passwords.hash(password);
      revokeAllSessions(account.id, Instant.now());
    } else if (patch.has("currentPassword")) {
      throw ProblemException.invalidField("currentPassword", "only goes with password");
    }
    boolean shownFieldsChanged =
        !Objects.equals(account.name, fields.name().trim())
            || !Objects.equals(account.bio, fields.bio())
            || !Objects.equals(account.avatarUrl, fields.avatarUrl())
            || !Objects.equals(account.websiteUrl, fields.websiteUrl());
    account.name = fields.name().trim();
    account.bio = fields.bio();
    account.avatarUrl = fields.avatarUrl();
    account.websiteUrl = fields.websiteUrl();
    account.updatedAt = Instant.now();
    // Only an author's profile is public; a reader's changes must not empty the shared cache.
    if (shownFieldsChanged && authors.isAuthor(account.id)) {
      changed.fire(new PublicContentChanged("profile"));
    }
    return AccountView.of(account);
  }

  /** An admin changes an account's role or disables it; admins cannot lock themselves out. */
  @Transactional
  public AccountView adminUpdate(long adminId, String handle, AccountAdminUpdate update) {
    Account account =
        byHandle(handle)
            .orElseThrow(
                () -> ProblemException.notFound("No account has the handle '" + handle + "'."));
    if (account.id == adminId
        && ((update.role() != null && !update.role().equals(account.role))
            || Boolean.TRUE.equals(update.disabled()))) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Admins cannot demote or disable their own account.");
    }
    if (takesAwayAdmin(account, update)) {
      requireStillAdmin(adminId);
    }
    boolean publicChange =
        (update.role() != null && !update.role().equals(account.role))
            || (update.disabled() != null && update.disabled() != account.disabled);
    if (update.role() != null) {
      account.role = update.role();
    }
    if (update.disabled() != null) {
      account.disabled = update.disabled();
      if (account.disabled) {
        revokeAllSessions(account.id, Instant.now());
      }
    }
    account.updatedAt = Instant.now();
    if (publicChange) {
      changed.fire(new PublicContentChanged("account"));
    }
    return AccountView.of(account);
  }

  /**
   * Creates the first admin with this email and password, unless an account with this email exists
   * already: that one is left exactly as it is (never promoted, re-enabled or given this password),
   * since whoever signed it up is not necessarily the operator.
   */
  @Transactional
  public FirstAdminOutcome createFirstAdmin(String email, String password) {
    Optional<Account> existing =
        Account.find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
    if (existing.isPresent()) {
      Account account = existing.get();
      return Role.ADMIN.value().equals(account.role) && !account.disabled
          ? FirstAdminOutcome.ALREADY_AN_ADMIN
          : FirstAdminOutcome.LEFT_AS_IT_IS;
    }
    checkPasswordLength(password);
    if (password.length() < 10) {
      throw new IllegalStateException("PRESSROOM_ADMIN_PASSWORD must be at least 10 characters");
    }
    Account account = new Account(freeHandle("admin"), email.trim(), "Administrator", Role.ADMIN);
    account.passwordHash = passwords.hash(password);
    account.persist();
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

  private static boolean takesAwayAdmin(Account account, AccountAdminUpdate update) {
    return Role.ADMIN.value().equals(account.role)
        && !account.disabled
        && ((update.role() != null && !update.role().equals(account.role))
            || Boolean.TRUE.equals(update.disabled()));
  }

  /**
   * Two admins who demote each other at the same moment must not both succeed and leave nobody to
   * administer: changes that take admin power away lock every enabled admin, in id order, and go on
   * only if the caller is still one of them once the other change has committed.
   */
  private void requireStillAdmin(long adminId) {
    @SuppressWarnings("unchecked")
    List<Number> admins =
        entityManager
            .createNativeQuery(
                "select id from accounts where role = 'admin' and not disabled order by id for"
                    + " update")
            .getResultList();
    if (admins.stream().noneMatch(id -> id.longValue() == adminId)) {
      throw ProblemException.forbidden("Your account is no longer an admin.");
    }
  }

  private String freeHandle(String base) {
    String handle = base;
    for (int n = 2; Account.count("handle", handle) > 0; n++) {
      handle = base + "-" + n;
    }
    return handle;
  }

  private Session newSession(Account account, UUID family) {
    String refreshToken = InstanceSecrets.randomBase64(32);
    RefreshToken stored = new RefreshToken();
    stored.account = account;
    stored.familyId = family;
    stored.tokenHash = Hashing.sha256Hex(refreshToken);
    stored.createdAt = Instant.now();
    stored.expiresAt = stored.createdAt.plus(config.tokens().refreshTokenLifetime());
    stored.persist();
    AccessTokens.Issued access = accessTokens.issue(account, family);
    return new Session(access.token(), access.expiresAt(), refreshToken, AccountView.of(account));
  }

  private void revokeFamily(UUID family, Instant now) {
    entityManager
        .createQuery(
            "update RefreshToken set revokedAt = :now where familyId = :family and revokedAt is"
                + " null")
        .setParameter("now", now)
        .setParameter("family", family)
        .executeUpdate();
  }

  private void revokeAllSessions(long accountId, Instant now) {
    entityManager
        .createQuery(
            "update RefreshToken set revokedAt = :now where account.id = :account and revokedAt"
                + " is null")
        .setParameter("now", now)
        .setParameter("account", accountId)
        .executeUpdate();
  }

  private Account find(long id) {
    Account account = Account.findById(id);
    if (account == null) {
      throw new io.quarkus.security.UnauthorizedException();
    }
    return account;
  }

  private static void checkPasswordLength(String password) {
    if (password != null && password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw ProblemException.invalidField("password", "must be at most 72 bytes long");
    }
  }

  private static ProblemException invalidRefreshToken() {
    return new ProblemException(
        ProblemType.UNAUTHORIZED,
        "This refresh token is invalid, expired or was already used; sign in again.");
  }

  /** Accounts by handle, for admins; keyset-paged on the unique handle. */
  public AccountPage list(io.pressroom.web.PageRequest page, io.pressroom.web.CursorCodec cursors) {
    String after = page.cursor().map(c -> cursors.decode(c, "handle", 1).keys().get(0)).orElse("");
    List<Account> rows =
        entityManager
            .createQuery("from Account where handle > :after order by handle", Account.class)
            .setParameter("after", after)
            .setFirstResult(page.offset())
            .setMaxResults(page.fetchSize())
            .getResultList();
    long total = Account.count();
    PageCut<Account> cut = PageCut.of(rows, page, cursors, "handle", last -> List.of(last.handle));
    return new AccountPage(
        cut.shown().stream().map(AccountView::of).toList(), cut.info(page, total));
  }
}
