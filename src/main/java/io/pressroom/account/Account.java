package io.pressroom.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  String role;
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
    this.role = role.value();
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
    return Role.of(role);
  }
}
