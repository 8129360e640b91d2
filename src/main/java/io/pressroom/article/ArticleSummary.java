package io.pressroom.article;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    ArticleStats stats,
    @Schema(description = "Only in answers to a search (q): where the article matches")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        SearchHighlight highlight) {

  /** An article as listed, without a highlight (every listing but a search). */
  public ArticleSummary(
      String slug,
      String title,
      String summary,
      AuthorRef author,
      List<TagRef> tags,
      Instant publishedAt,
      Instant updatedAt,
      int readingMinutes,
      String coverImageUrl,
      ArticleStats stats) {
    this(
        slug,
        title,
        summary,
        author,
        tags,
        publishedAt,
        updatedAt,
        readingMinutes,
        coverImageUrl,
        stats,
        null);
  }

  /** The same article with the highlight of a search. */
  public ArticleSummary withHighlight(SearchHighlight highlight) {
    return new ArticleSummary(
        slug,
        title,
        summary,
        author,
        tags,
        publishedAt,
        updatedAt,
        readingMinutes,
        coverImageUrl,
        stats,
        highlight);
  }
}
