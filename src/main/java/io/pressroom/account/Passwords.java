package io.pressroom.account;

import io.pressroom.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** Slow, salted bcrypt hashes of passwords. */
@ApplicationScoped
class Passwords {

  /** The rule every password follows, wherever it is set. */
  static final int MIN_LENGTH = 10;

  /** bcrypt reads only this many bytes. */
  static final int MAX_BYTES = 72;

  static final String LENGTH_RULE = "must be 10 to 72 characters long";

  static boolean tooShort(String password) {
    return password == null || password.length() < MIN_LENGTH;
  }

  private static final int COST = 11;

  /** A hash of a password nobody has, so that unknown emails take as long as wrong passwords. */
  private final String decoy = BcryptUtil.bcryptHash("decoy-password-for-timing", COST);

  String hash(String password) {
    return BcryptUtil.bcryptHash(password, COST);
  }

  boolean matches(String password, String hash) {
    if (hash == null) {
      BcryptUtil.matches(password, decoy);
      return false;
    }
    try {
      return BcryptUtil.matches(password, hash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** bcrypt reads only the first 72 bytes: a longer password would be cut without a word. */
  static void refuseTooLong(String password) {
    if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ProblemException.invalidField("password", "must be at most 72 bytes long");
    }
  }
}
