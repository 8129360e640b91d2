package io.pressroom.account;

import io.pressroom.PressroomConfig;
import io.pressroom.limit.Allowance;
import io.pressroom.limit.Limit;
import io.pressroom.limit.Limiter;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Throttles password guessing. Every password check first spends a token of the email's bucket
 * (and, for sign-ins, of the client address's bucket) and gets it back only when the password was
 * right, so a parallel burst of guesses gets at most the allowance checked and 429 for the rest.
 * Counted across instances, exactly (see {@link Limiter}); while the database is away a sign-in is
 * a 503, as it could not check the password anyway.
 */
@ApplicationScoped
class SignInThrottle {

  private final Allowance perEmail;
  private final Allowance perAddress;

  SignInThrottle(PressroomConfig config, Limiter limiter) {
    PressroomConfig.SignIn limits = config.signIn();
    this.perEmail =
        limiter.allowance(
            Limit.SIGN_IN, "sign-in-email", limits.failuresPerEmail(), limits.window());
    this.perAddress =
        limiter.allowance(
            Limit.SIGN_IN, "sign-in-address", limits.failuresPerAddress(), limits.window());
  }

  /** Spends a guess of the email and of the address before a sign-in, or fails with 429. */
  void spend(String email, String address) {
    long wait = perEmail.spend(emailKey(email));
    if (wait == 0) {
      wait = perAddress.spend(address);
      if (wait > 0) {
        perEmail.refund(emailKey(email));
      }
    }
    if (wait > 0) {
      throw tooMany("Too many failed sign-ins", wait);
    }
  }

  /** The guess was right: neither the email nor the address loses an attempt. */
  void refund(String email, String address) {
    perEmail.refund(emailKey(email));
    perAddress.refund(address);
  }

  /** Spends a guess of the account's email before its password is checked, or fails with 429. */
  void spendForEmail(String email) {
    perEmail.spendOrRefuse(emailKey(email), "Too many wrong passwords for this account");
  }

  void refundForEmail(String email) {
    perEmail.refund(emailKey(email));
  }

  private static ProblemException tooMany(String what, long waitSeconds) {
    return ProblemException.tooManyRequests(
        what + "; try again in " + waitSeconds + " seconds.", waitSeconds);
  }

  private static String emailKey(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
