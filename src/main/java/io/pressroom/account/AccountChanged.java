package io.pressroom.account;

/**
 * Fired inside a transaction that changes what the check of an account's tokens reads: its role or
 * disabled flag, or the end of one or all of its sessions. Once it commits, this instance forgets
 * the checks it remembered for the account ({@link KnownSessions}); the other instances are told by
 * the database itself (V14's triggers), so writes made outside the application count too.
 */
public record AccountChanged(long accountId) {}
