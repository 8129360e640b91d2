package io.pressroom.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment's new text. */
@Schema(name = "CommentEdit")
public record CommentEdit(
    @Schema(
            description = "Markdown, 1-10,000 characters; rendered and sanitised",
            example = "Who gets pinged when a C refactor breaks a Rust binding?")
        @NotBlank
        @Size(max = CommentService.MAX_BODY_LENGTH)
        String body) {}
