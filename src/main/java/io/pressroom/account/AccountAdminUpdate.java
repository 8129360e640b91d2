package io.pressroom.account;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin may change on an account; absent fields stay as they are. */
@Schema(name = "AccountAdminUpdate")
public record AccountAdminUpdate(
    @Pattern(
            regexp = "reader|author|editor|admin",
            message = "must be reader, author, editor or admin")
        @Schema(
            enumeration = {"reader", "author", "editor", "admin"},
            nullable = true)
        String role,
    @Schema(nullable = true) Boolean disabled) {}
