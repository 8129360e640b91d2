package io.pressroom.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An aggregator's key; only its hash and a short prefix are stored. */
@Entity
@Table(name = "api_keys")
class ApiKey extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String name;

  @Column(name = "key_prefix")
  String prefix;

  @Column(name = "key_hash")
  String keyHash;

  @Column(name = "created_by")
  Long createdBy;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "last_used_at")
  Instant lastUsedAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  protected ApiKey() {}

  ApiKey(String name, String prefix, String keyHash, long createdBy, Instant createdAt) {
    this.name = name;
    this.prefix = prefix;
    this.keyHash = keyHash;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  void revoke(Instant now) {
    revokedAt = now;
  }
}
