package io.pressroom.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who reads, writes, edits or administers; authors are accounts with a profile. The
 * follower counter is kept by SQL increments and deliberately not mapped.
 */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String handle;
  String email;

  @Column(name = "password_hash")
  String passwordHash;

  String name;
  String bio;

  @Column(name = "avatar_url")
  String avatarUrl;

  @Column(name = "website_url")
  String websiteUrl;

  @Convert(converter = RoleColumn.class)
  Role role;

  boolean disabled;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  protected Account() {}

  Account(String handle, String email, String name, Role role) {
    this.handle = handle;
    this.email = email;
    this.name = name;
    this.role = role;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String handle() {
    return handle;
  }

  public Role role() {
    return role;
  }

  /** An admin who can still act as one: the last-admin lock counts only these. */
  boolean isEnabledAdmin() {
    return role == Role.ADMIN && !disabled;
  }

  /** Whether {@code fields} change what a byline shows: the name or the avatar. */
  boolean bylineChangedBy(ProfileFields fields) {
    return !Objects.equals(name, fields.name().trim())
        || !Objects.equals(avatarUrl, fields.avatarUrl());
  }

  /**
   * Takes the edited profile; answers whether anything the public sees of an author changed (the
   * name is stored trimmed, so a name differing only in spaces changes nothing).
   */
  boolean changeProfile(ProfileFields fields) {
    String newName = fields.name().trim();
    boolean shownFieldsChanged =
        !Objects.equals(name, newName)
            || !Objects.equals(bio, fields.bio())
            || !Objects.equals(avatarUrl, fields.avatarUrl())
            || !Objects.equals(websiteUrl, fields.websiteUrl());
    name = newName;
    bio = fields.bio();
    avatarUrl = fields.avatarUrl();
    websiteUrl = fields.websiteUrl();
    updatedAt = Instant.now();
    return shownFieldsChanged;
  }

  void changePasswordHash(String hash) {
    passwordHash = hash;
  }

  /** An admin's change of role, of the disabled flag, or of both; null leaves either as it is. */
  void administer(Role newRole, Boolean newDisabled) {
    if (newRole != null) {
      role = newRole;
    }
    if (newDisabled != null) {
      disabled = newDisabled;
    }
    updatedAt = Instant.now();
  }
}
