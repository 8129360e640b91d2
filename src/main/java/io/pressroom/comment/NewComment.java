package io.pressroom.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment to post: Markdown text, and the comment it replies to, if any. */
@Schema(name = "NewComment")
public record NewComment(
    @Schema(
            description = "Markdown, 1-10,000 characters; rendered and sanitised",
            example = "Who gets pinged when a C refactor breaks a **Rust** wrapper?")
        @NotBlank
        @Size(max = CommentService.MAX_BODY_LENGTH)
        String body,
    @Schema(
            description = "Id of a comment on the same article to reply to; it must not be deleted",
            nullable = true,
            example = "1040")
        Long parentId) {}
