package io.pressroom.account;

import io.pressroom.db.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement on accounts and their sessions (refresh tokens). Emails match ignoring case. */
@ApplicationScoped
class AccountQueries {

  private final EntityManager entityManager;

  AccountQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** An account as the identity of a request needs it, with whether its session is still open. */
  record Identity(String handle, Role role, boolean disabled, boolean sessionOpen) {}

  /** One statement per authenticated request: the account's state now, and its session's. */
  Optional<Identity> identity(long accountId, UUID session) {
    return Row.first(
            entityManager
                .createNativeQuery(
                    "select a.handle as handle, a.role as role, a.disabled as disabled,"
                        + " exists (select 1 from refresh_tokens r where r.family_id = :session"
                        + " and r.account_id = a.id and r.revoked_at is null) as session_open"
                        + " from accounts a where a.id = :id",
                    Tuple.class)
                .setParameter("id", accountId)
                .setParameter("session", session))
        .map(
            row ->
                new Identity(
                    row.text("handle"),
                    Role.of(row.text("role")),
                    row.bool("disabled"),
                    row.bool("session_open")));
  }

  Optional<Account> byId(long id) {
    return Account.findByIdOptional(id);
  }

  Optional<Account> byHandle(String handle) {
    return Account.find("handle", handle).firstResultOptional();
  }

  Optional<Account> byEmail(String email) {
    return Account.find("lower(email) = lower(?1)", email).firstResultOptional();
  }

  boolean emailTaken(String email) {
    return Account.count("lower(email) = lower(?1)", email) > 0;
  }

  boolean handleTaken(String handle) {
    return Account.count("handle", handle) > 0;
  }

  void add(Account account) {
    account.persist();
  }

  /** Sends pending inserts now, so that a unique constraint fails here and not at commit. */
  void flush() {
    entityManager.flush();
  }

  /** Accounts by handle after {@code afterHandle}, for keyset paging. */
  List<Account> pageByHandle(String afterHandle, int offset, int fetchSize) {
    return entityManager
        .createQuery("from Account where handle > :after order by handle", Account.class)
        .setParameter("after", afterHandle)
        .setFirstResult(offset)
        .setMaxResults(fetchSize)
        .getResultList();
  }

  long count() {
    return Account.count();
  }

  /** Locks every enabled admin, in id order (see the last-admin rule); answers their ids. */
  List<Long> lockEnabledAdmins() {
    return Row.list(
            entityManager.createNativeQuery(
                "select id as id from accounts where role = 'admin' and not disabled"
                    + " order by id for update",
                Tuple.class))
        .stream()
        .map(row -> row.getLong("id"))
        .toList();
  }

  void add(RefreshToken token) {
    token.persist();
  }

  Optional<RefreshToken> refreshToken(String tokenHash) {
    return RefreshToken.<RefreshToken>find("tokenHash", tokenHash).firstResultOptional();
  }

  /** The refresh token, locked: two refreshes with one token must not both see it unused. */
  Optional<RefreshToken> refreshTokenForUpdate(String tokenHash) {
    return entityManager
        .createQuery("from RefreshToken where tokenHash = :hash", RefreshToken.class)
        .setParameter("hash", tokenHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Ends one session: every refresh token of its family. */
  void revokeFamily(UUID family, Instant now) {
    entityManager
        .createQuery(
            "update RefreshToken set revokedAt = :now where familyId = :family and revokedAt is"
                + " null")
        .setParameter("now", now)
        .setParameter("family", family)
        .executeUpdate();
  }

  /** Ends every session of the account. */
  void revokeAllSessions(long accountId, Instant now) {
    entityManager
        .createQuery(
            "update RefreshToken set revokedAt = :now where account.id = :account and revokedAt"
                + " is null")
        .setParameter("now", now)
        .setParameter("account", accountId)
        .executeUpdate();
  }
}
