package io.pressroom.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's public profile. */
@Schema(name = "Author")
public record AuthorProfile(
    @Schema(example = "kernel-desk") String handle,
    @Schema(example = "The Kernel Desk") String name,
    @Schema(nullable = true) String bio,
    @Schema(nullable = true) String avatarUrl,
    @Schema(nullable = true) String websiteUrl,
    @Schema(example = "120") long followers,
    @Schema(description = "Published articles", example = "14") long articles,
    @Schema(description = "The signed-in reader's relation; absent for anonymous readers")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Viewer viewer) {

  /** Whether the signed-in reader follows this author. */
  @Schema(name = "AuthorViewer")
  public record Viewer(boolean following) {}
}
