package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Makes sure the admin named by PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD exists. */
@ApplicationScoped
class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

  void onStart(
      @Observes @Priority(10) StartupEvent event, PressroomConfig config, AccountService accounts) {
    var email = config.admin().email().filter(s -> !s.isBlank());
    var password = config.admin().password().filter(s -> !s.isBlank());
    if (email.isPresent() && password.isPresent()) {
      accounts.ensureAdmin(email.get(), password.get());
      LOG.infof("The admin account %s is in place", email.get());
    } else if (email.isPresent() || password.isPresent()) {
      LOG.warn(
          "Set both PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD to create the first admin");
    }
  }
}
