package io.pressroom.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link Role} as the lower-case text the {@code accounts.role} column has always held
 * ("reader", "admin"), which SQL such as the public author rule and the admin lock compares with.
 */
@Converter
class RoleColumn implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.value();
  }

  @Override
  public Role convertToEntityAttribute(String column) {
    return column == null ? null : Role.of(column);
  }
}
