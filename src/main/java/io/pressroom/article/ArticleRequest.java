package io.pressroom.article;

import io.pressroom.web.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an author sends to write an article; the same rules hold after a partial update. */
@Schema(name = "ArticleRequest")
public record ArticleRequest(
    @NotBlank @Size(max = 200) @Schema(example = "Rust is now a first-class kernel language")
        String title,
    @NotBlank @Size(max = 500) @Schema(example = "After three years, the experiment is over.")
        String summary,
    @NotBlank @Size(max = 100_000) @Schema(description = "Markdown", example = "## Why\n\nIt is.")
        String body,
    @Size(max = 10, message = "at most 10 tags")
        @Schema(
            description = "Tag names; unknown ones are created",
            example = "[\"Rust\", \"Linux\"]")
        List<
                @NotBlank @Size(max = 60)
                @Pattern(
                    regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} .+#_-]*$",
                    message = "must be letters, digits, spaces or . + # _ -")
                String>
            tags,
    @HttpUrl @Schema(nullable = true, example = "https://lwn.example.org/a/1") String referenceUrl,
    @HttpUrl
        @Schema(
            nullable = true,
            description = "The original; only signed-in readers reach it, by a protected redirect",
            example = "https://news.example.com/original")
        String sourceUrl,
    @Size(max = 200) @Schema(nullable = true, example = "Kernel Weekly") String sourcePublisher,
    @Size(max = 1000)
        @Schema(nullable = true, example = "Distilled and republished from Kernel Weekly.")
        String republicationNotice,
    @HttpUrl @Schema(nullable = true) String coverImageUrl) {

  List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags;
  }
}
