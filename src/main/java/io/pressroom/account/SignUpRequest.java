package io.pressroom.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a new reader sends to sign up. */
@Schema(name = "SignUpRequest")
public record SignUpRequest(
    @NotBlank @Email @Size(max = 254) @Schema(example = "ada@example.com") String email,
    @NotNull
        @Size(
            min = Passwords.MIN_LENGTH,
            max = Passwords.MAX_BYTES,
            message = Passwords.LENGTH_RULE)
        @Schema(example = "correct horse battery", minLength = 10, maxLength = 72)
        String password,
    @NotNull
        @Pattern(
            regexp = Handles.PATTERN,
            message =
                "must be 3-30 characters: lower-case letters, digits, '-' or '_', starting with"
                    + " a letter or digit")
        @Schema(example = "ada", pattern = Handles.PATTERN)
        String handle,
    @NotBlank @Size(max = 100) @Schema(example = "Ada Lovelace") String name) {}
