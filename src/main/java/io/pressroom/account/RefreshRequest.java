package io.pressroom.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refresh token to exchange (refresh) or revoke (logout). */
@Schema(name = "RefreshRequest")
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}
