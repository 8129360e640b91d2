package io.pressroom.comment;

import io.pressroom.author.AuthorRef;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment as readers see it. A deleted comment that still has replies is a placeholder: {@code
 * deleted} is true and body, html, author and editedAt are null, so that nothing of what was said
 * or who said it remains, while the thread keeps its shape.
 */
@Schema(name = "Comment")
public record CommentView(
    @Schema(example = "1042") long id,
    @Schema(description = "The comment this one replies to", nullable = true, example = "1040")
        Long parentId,
    @Schema(
            description = "Markdown source; null when deleted",
            nullable = true,
            example = "Who gets pinged when a C refactor breaks a **Rust** wrapper?")
        String body,
    @Schema(
            description = "Rendered and sanitised HTML of body; null when deleted",
            nullable = true,
            example =
                "<p>Who gets pinged when a C refactor breaks a <strong>Rust</strong>"
                    + " wrapper?</p>\n")
        String html,
    @Schema(description = "Who wrote it; null when deleted", nullable = true) AuthorRef author,
    @Schema(example = "2026-11-20T10:12:00Z") Instant createdAt,
    @Schema(
            description = "When its author last changed it; null if never (or deleted)",
            nullable = true,
            example = "2026-11-20T10:20:31Z")
        Instant editedAt,
    @Schema(description = "True for the placeholder of a deleted comment that has replies")
        boolean deleted) {}
