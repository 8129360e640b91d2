package io.pressroom.account;

import io.pressroom.web.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable profile of an account, validated after a partial update is merged in. */
record ProfileFields(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 2000) String bio,
    @HttpUrl String avatarUrl,
    @HttpUrl String websiteUrl) {}
