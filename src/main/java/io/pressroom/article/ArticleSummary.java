package io.pressroom.article;

import io.pressroom.author.AuthorRef;
import io.pressroom.tag.TagRef;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as listed. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
    @Schema(example = "rust-is-now-a-first-class-language-in-the-linux-kernel") String slug,
    @Schema(example = "Rust is now a first-class language in the Linux kernel") String title,
    @Schema(example = "After three years as an experiment, Rust support loses its label.")
        String summary,
    AuthorRef author,
    List<TagRef> tags,
    @Schema(nullable = true, example = "2026-11-24T09:30:00Z") Instant publishedAt,
    @Schema(example = "2026-11-24T10:02:11Z") Instant updatedAt,
    @Schema(example = "4") int readingMinutes,
    @Schema(nullable = true, example = "https://images.example.net/rust-kernel.jpg")
        String coverImageUrl,
    ArticleStats stats) {}
