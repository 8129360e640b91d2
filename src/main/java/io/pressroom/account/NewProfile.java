package io.pressroom.account;

/** An account created by the system itself (demo content, the first admin), not by sign-up. */
public record NewProfile(
    String handle,
    String email,
    String name,
    Role role,
    String bio,
    String avatarUrl,
    String websiteUrl) {}
