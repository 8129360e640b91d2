package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.pressroom.limit.Allowance;
import io.pressroom.limit.Limit;
import io.pressroom.limit.Limiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Limits sign-up attempts per client address and hour ({@code pressroom.sign-ups-per-address}):
 * each one costs a bcrypt hash and may probe whether an email has an account. Counted across
 * instances (see {@link Limiter}); a 503 while the database, which a sign-up needs, is away.
 */
@ApplicationScoped
class SignUpThrottle {

  private final Allowance perAddress;

  SignUpThrottle(PressroomConfig config, Limiter limiter) {
    this.perAddress =
        limiter.allowance(
            Limit.SIGN_UP, "sign-up", config.signUpsPerAddress(), Duration.ofHours(1));
  }

  void spend(String address) {
    perAddress.spendOrRefuse(address, "Too many sign-ups from your address");
  }
}
