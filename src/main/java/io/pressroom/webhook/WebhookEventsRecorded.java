package io.pressroom.webhook;

/**
 * Fired inside a transaction that wrote webhook events or made deliveries due (a test event, a
 * redelivery, a re-enabled subscription). Once it commits, this instance's dispatcher looks for
 * work at once instead of at its next poll.
 */
public record WebhookEventsRecorded() {}
