package io.pressroom.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as editors create or change it; the same rules hold after a partial update. */
@Schema(name = "TagRequest")
public record TagRequest(
    @NotBlank
        @Size(max = 60)
        @Pattern(
            regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} .+#_-]*$",
            message = "must be letters, digits, spaces or . + # _ -")
        @Schema(example = "WebAssembly")
        String name,
    @Size(max = 500) @Schema(nullable = true, example = "Wasm runtimes, tools and proposals.")
        String description) {}
