package io.pressroom.account;

/** The shape of account handles. */
final class Handles {
  static final String PATTERN = "^[a-z0-9][a-z0-9_-]{2,29}$";

  private Handles() {}
}
