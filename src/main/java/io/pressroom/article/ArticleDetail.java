package io.pressroom.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pressroom.author.AuthorRef;
import io.pressroom.tag.TagRef;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article page: the summary fields plus the text, its links and the reader's own state. */
@Schema(name = "ArticleDetail")
public record ArticleDetail(
    @Schema(example = "rust-is-now-a-first-class-language-in-the-linux-kernel") String slug,
    @Schema(example = "Rust is now a first-class language in the Linux kernel") String title,
    @Schema(example = "After three years as an experiment, Rust support loses its label.")
        String summary,
    AuthorRef author,
    List<TagRef> tags,
    @Schema(nullable = true, example = "2026-11-24T09:30:00Z") Instant publishedAt,
    @Schema(example = "2026-11-24T10:02:11Z") Instant updatedAt,
    @Schema(example = "4") int readingMinutes,
    @Schema(nullable = true) String coverImageUrl,
    ArticleStats stats,
    @Schema(
            enumeration = {"draft", "scheduled", "published", "archived"},
            example = "published")
        String status,
    @Schema(description = "Markdown source", example = "## Why it matters\n\nThe kernel...")
        String body,
    @Schema(description = "Rendered and sanitised HTML of body") String html,
    @Schema(nullable = true, example = "https://lwn.example.org/articles/rust-kernel")
        String referenceUrl,
    Source source,
    Republication republication,
    @Schema(description = "The signed-in reader's own feedback; absent for anonymous readers")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Viewer viewer) {

  /** Whether the original source can be opened (through the protected redirect) and its outlet. */
  @Schema(name = "ArticleSource")
  public record Source(
      @Schema(example = "true") boolean available,
      @Schema(nullable = true, example = "Kernel Weekly") String publisher) {}

  /** The notice shown with republished content. */
  @Schema(name = "Republication")
  public record Republication(
      @Schema(nullable = true, example = "Distilled and republished from Kernel Weekly.")
          String notice) {}

  /** What the signed-in reader did on this article. */
  @Schema(name = "ArticleViewer")
  public record Viewer(
      boolean liked,
      @Schema(nullable = true, example = "5") Integer rating,
      boolean followingAuthor) {}
}
