package io.pressroom.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new account and its first session; token and accessToken carry the same value. */
@Schema(name = "SignUpResponse")
public record SignUpResponse(
    AccountView account,
    @Schema(description = "The access token (same as accessToken)") String token,
    String accessToken,
    Instant expiresAt,
    String refreshToken) {

  static SignUpResponse of(Session session) {
    return new SignUpResponse(
        session.account(),
        session.accessToken(),
        session.accessToken(),
        session.expiresAt(),
        session.refreshToken());
  }
}
