package io.pressroom.tag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as it appears on an article. */
@Schema(name = "TagRef")
public record TagRef(
    @Schema(example = "kernel-development") String slug,
    @Schema(example = "kernel-development") String name) {}
