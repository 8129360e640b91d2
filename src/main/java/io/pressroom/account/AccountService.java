package io.pressroom.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Creating and finding accounts. */
@ApplicationScoped
public class AccountService {

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
}
