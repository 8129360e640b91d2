package io.pressroom.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pressroom.article.ArticleSummary;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change: an article to insert or replace (upsert), or one to remove (delete). */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeItem(
    @Schema(
            required = true,
            enumeration = {"upsert", "delete"})
        String op,
    @Schema(required = true, example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
        String slug,
    @Schema(description = "For upserts", nullable = true) Instant updatedAt,
    @Schema(description = "For upserts: the article as it is now", nullable = true)
        ArticleSummary article,
    @Schema(description = "For deletes", nullable = true) Instant deletedAt) {

  static ChangeItem upsert(ArticleSummary article) {
    return new ChangeItem("upsert", article.slug(), article.updatedAt(), article, null);
  }

  static ChangeItem delete(String slug, Instant at) {
    return new ChangeItem("delete", slug, null, null, at);
  }
}
