package io.pressroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleColumnTest {

  private final RoleColumn column = new RoleColumn();

  @Test
  void rolesAreStoredInTheLowerCaseTheColumnHasAlwaysHeld() {
    assertThat(column.convertToDatabaseColumn(Role.READER)).isEqualTo("reader");
    assertThat(column.convertToDatabaseColumn(Role.ADMIN)).isEqualTo("admin");
  }

  @Test
  void everyRoleReadsBackAsItself() {
    for (Role role : Role.values()) {
      assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(role)))
          .isEqualTo(role);
    }
  }

  @Test
  void anEmptyColumnIsNoRole() {
    assertThat(column.convertToDatabaseColumn(null)).isNull();
    assertThat(column.convertToEntityAttribute(null)).isNull();
  }

  @Test
  void eachRoleIncludesTheOnesBelowIt() {
    assertThat(Role.ADMIN.includes(Role.EDITOR)).isTrue();
    assertThat(Role.AUTHOR.includes(Role.READER)).isTrue();
    assertThat(Role.AUTHOR.includes(Role.EDITOR)).isFalse();
  }
}
