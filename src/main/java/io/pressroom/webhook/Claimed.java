package io.pressroom.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A delivery this instance claimed: what to send where, and the lease that marks the claim ({@code
 * next_attempt_at} as the claim set it). The outcome is written only while that lease is still the
 * delivery's, so an instance that lost its claim cannot overwrite another's.
 */
record Claimed(
    long deliveryId,
    long eventId,
    long subscriptionId,
    int attemptsBefore,
    Instant createdAt,
    OffsetDateTime lease,
    String messageId,
    String type,
    String payload,
    String url,
    String secret,
    String previousSecret) {}
