package io.pressroom.author;

import java.time.Instant;

/** An account with a public author profile, as other features refer to it (follows, feeds). */
public record AuthorIdentity(long id, String handle, String name, Instant joinedAt) {}
