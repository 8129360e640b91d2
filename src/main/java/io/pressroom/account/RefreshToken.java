package io.pressroom.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a sign-in session; only its hash is stored. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  Account account;

  @Column(name = "family_id")
  UUID familyId;

  @Column(name = "token_hash")
  String tokenHash;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "used_at")
  Instant usedAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  protected RefreshToken() {}

  /** The stored half of a new refresh token of {@code account}'s session {@code family}. */
  RefreshToken(Account account, UUID family, String tokenHash, Duration lifetime) {
    this.account = account;
    this.familyId = family;
    this.tokenHash = tokenHash;
    this.createdAt = Instant.now();
    this.expiresAt = createdAt.plus(lifetime);
  }

  /** Refresh tokens are single-use: one that was used already has leaked. */
  boolean wasUsed() {
    return usedAt != null;
  }

  boolean isRevokedOrExpired(Instant now) {
    return revokedAt != null || expiresAt.isBefore(now);
  }

  void markUsed(Instant now) {
    usedAt = now;
  }
}
