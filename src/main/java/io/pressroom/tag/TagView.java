package io.pressroom.tag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag with the number of published articles filed under it. */
@Schema(name = "Tag")
public record TagView(
    @Schema(example = "rust") String slug,
    @Schema(example = "Rust") String name,
    @Schema(nullable = true, example = "The Rust language, its tools and its ecosystem.")
        String description,
    @Schema(description = "Published articles with this tag", example = "12") long articles) {}
