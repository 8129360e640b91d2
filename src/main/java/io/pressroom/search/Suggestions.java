package io.pressroom.search;

import io.pressroom.author.AuthorRef;
import io.pressroom.tag.TagRef;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What matches the beginning of what a reader is typing: tags, authors and article titles. */
@Schema(name = "Suggestions")
public record Suggestions(
    @Schema(example = "ru") String query,
    List<TagRef> tags,
    List<AuthorRef> authors,
    List<ArticleTitle> articles) {

  /** An article suggested by its title. */
  @Schema(name = "ArticleTitle")
  public record ArticleTitle(
      @Schema(example = "rust-is-now-a-first-class-language-in-the-linux-kernel") String slug,
      @Schema(example = "Rust is now a first-class language in the Linux kernel") String title) {}
}
