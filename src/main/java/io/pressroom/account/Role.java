package io.pressroom.account;

/** Roles, each including the powers of the one before. */
public enum Role {
  READER,
  AUTHOR,
  EDITOR,
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role of(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
