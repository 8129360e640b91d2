package io.pressroom.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in session: a short-lived access token and the refresh token that renews it. */
@Schema(name = "Session")
public record Session(
    @Schema(description = "Bearer token for the Authorization header") String accessToken,
    @Schema(description = "When the access token stops working") Instant expiresAt,
    @Schema(description = "Single-use token for POST /api/v1/auth/refresh") String refreshToken,
    AccountView account) {}
