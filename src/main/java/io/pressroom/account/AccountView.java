package io.pressroom.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as its owner and admins see it; never shown to the public. */
@Schema(name = "Account")
public record AccountView(
    @Schema(example = "ada") String handle,
    @Schema(example = "Ada Lovelace") String name,
    @Schema(example = "ada@example.com") String email,
    @Schema(enumeration = {"reader", "author", "editor", "admin"}) String role,
    boolean disabled,
    @Schema(nullable = true) String bio,
    @Schema(nullable = true) String avatarUrl,
    @Schema(nullable = true) String websiteUrl,
    Instant createdAt) {

  static AccountView of(Account account) {
    return new AccountView(
        account.handle,
        account.name,
        account.email,
        account.role.value(),
        account.disabled,
        account.bio,
        account.avatarUrl,
        account.websiteUrl,
        account.createdAt.truncatedTo(ChronoUnit.SECONDS));
  }
}
