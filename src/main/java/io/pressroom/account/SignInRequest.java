package io.pressroom.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Credentials for a new session. */
@Schema(name = "SignInRequest")
public record SignInRequest(
    @NotBlank @Size(max = 254) @Schema(example = "ada@example.com") String email,
    @NotBlank @Size(max = 200) @Schema(example = "correct horse battery") String password) {}
