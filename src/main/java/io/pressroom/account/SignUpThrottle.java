package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.pressroom.web.Allowances;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Limits sign-up attempts per client address and hour ({@code pressroom.sign-ups-per-address}):
 * each one costs a bcrypt hash and may probe whether an email has an account.
 */
@ApplicationScoped
class SignUpThrottle {

  private final Allowances perAddress;

  SignUpThrottle(PressroomConfig config) {
    this.perAddress = new Allowances(config.signUpsPerAddress(), Duration.ofHours(1));
  }

  void spend(String address) {
    perAddress.spendOrRefuse(address, "Too many sign-ups from your address");
  }
}
