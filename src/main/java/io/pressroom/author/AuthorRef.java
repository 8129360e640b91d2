package io.pressroom.author;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The author of an article or comment, as shown beside it. */
@Schema(name = "AuthorRef")
public record AuthorRef(
    @Schema(example = "kernel-desk") String handle,
    @Schema(example = "The Kernel Desk") String name,
    @Schema(nullable = true, example = "https://images.example.net/kernel-desk.png")
        String avatarUrl) {}
