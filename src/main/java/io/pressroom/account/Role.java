package io.pressroom.account;

import java.util.Locale;

/** Roles, each including the powers of the one before. */
public enum Role {
  READER,
  AUTHOR,
  EDITOR,
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  /** The role as the API and the {@code accounts.role} column spell it: lower case. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
