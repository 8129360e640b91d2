package io.pressroom.account;

import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.PageCut;
import io.pressroom.web.PageRequest;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;

/** What admins do to accounts: list them, change their role, disable or re-enable them. */
@ApplicationScoped
class AccountAdministration {

  private final AccountQueries queries;
  private final AccountService accounts;
  private final SessionService sessions;
  private final Event<PublicContentChanged> changed;
  private final Event<AccountChanged> accountChanged;

  AccountAdministration(
      AccountQueries queries,
      AccountService accounts,
      SessionService sessions,
      Event<PublicContentChanged> changed,
      Event<AccountChanged> accountChanged) {
    this.queries = queries;
    this.accounts = accounts;
    this.sessions = sessions;
    this.changed = changed;
    this.accountChanged = accountChanged;
  }

  /** Accounts by handle; keyset-paged on the unique handle. */
  public AccountPage list(PageRequest page, CursorCodec cursors) {
    String after = page.cursor().map(c -> cursors.decode(c, "handle", 1).text(0)).orElse("");
    List<Account> rows = queries.pageByHandle(after, page.offset(), page.fetchSize());
    long total = queries.count();
    PageCut<Account> cut = PageCut.of(rows, page, cursors, "handle", last -> List.of(last.handle));
    return new AccountPage(
        cut.shown().stream().map(AccountView::of).toList(), cut.info(page, total));
  }

  /** An admin changes an account's role or disables it; admins cannot lock themselves out. */
  @Transactional
  public AccountView update(long adminId, String handle, AccountAdminUpdate update) {
    Account account = accounts.requireByHandle(handle);
    Role newRole = update.role() == null ? null : Role.of(update.role());
    boolean roleChanges = newRole != null && newRole != account.role;
    boolean disabling = Boolean.TRUE.equals(update.disabled());
    if (account.id == adminId && (roleChanges || disabling)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Admins cannot demote or disable their own account.");
    }
    if (account.isEnabledAdmin() && (roleChanges || disabling)) {
      requireStillAdmin(adminId);
    }
    boolean publicChange =
        roleChanges || (update.disabled() != null && update.disabled() != account.disabled);
    account.administer(newRole, update.disabled());
    if (disabling) {
      sessions.endAll(account);
    }
    if (publicChange) {
      // The role or the disabled flag its tokens are checked against, and what readers see.
      accountChanged.fire(new AccountChanged(account.id));
      changed.fire(new PublicContentChanged("account"));
    }
    return AccountView.of(account);
  }

  /**
   * Two admins who demote each other at the same moment must not both succeed and leave nobody to
   * administer: changes that take admin power away lock every enabled admin, in id order, and go on
   * only if the caller is still one of them once the other change has committed.
   */
  private void requireStillAdmin(long adminId) {
    if (!queries.lockEnabledAdmins().contains(adminId)) {
      throw ProblemException.forbidden("Your account is no longer an admin.");
    }
  }
}
