package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the admin named by PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD when no account has
 * that email. An existing account is never promoted or re-enabled by it: anyone may have signed up
 * with that address.
 */
@ApplicationScoped
class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

  void onStart(
      @Observes @Priority(10) StartupEvent event, PressroomConfig config, AccountService accounts) {
    var email = config.admin().email().filter(s -> !s.isBlank());
    var password = config.admin().password().filter(s -> !s.isBlank());
    if (email.isPresent() && password.isPresent()) {
      createIfMissing(email.get(), password.get(), accounts);
    } else if (email.isPresent() || password.isPresent()) {
      LOG.warn(
          "Set both PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD to create the first admin");
    }
  }

  void createIfMissing(String email, String password, AccountService accounts) {
    switch (accounts.createFirstAdmin(email, password)) {
      case CREATED -> LOG.infof("Created the admin account %s", email);
      case ALREADY_AN_ADMIN ->
          LOG.infof("The admin account %s exists; PRESSROOM_ADMIN_PASSWORD was not used", email);
      case LEFT_AS_IT_IS ->
          LOG.warnf(
              "PRESSROOM_ADMIN_EMAIL names %s, but an account that is not an enabled admin has"
                  + " that email already. It was left as it is (role, state and password"
                  + " unchanged; PRESSROOM_ADMIN_PASSWORD was not used): whoever signed it up need"
                  + " not be you. To create a new admin, set PRESSROOM_ADMIN_EMAIL to an address"
                  + " no account uses; to promote or re-enable that account, have an admin change"
                  + " it with PATCH /api/v1/accounts/{handle}.",
              email);
    }
  }
}
