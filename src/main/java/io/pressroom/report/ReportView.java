package io.pressroom.report;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report as editors see it, with how to reach its reporter. Never shown to anyone else. */
@Schema(name = "Report")
public record ReportView(
    @Schema(example = "311") long id,
    ReportedArticle article,
    @Schema(example = "This is a copy of our story without permission; please take it down.")
        String reason,
    @Schema(nullable = true, example = "legal@publisher.example") String contact,
    @Schema(
            enumeration = {"open", "resolved", "dismissed"},
            example = "open")
        String status,
    @Schema(description = "The client address the report came from", example = "203.0.113.7")
        String clientAddress,
    @Schema(example = "2026-11-24T09:30:00Z") Instant createdAt,
    @Schema(example = "2026-11-24T11:02:00Z") Instant updatedAt,
    @Schema(
            description = "Handle of the editor who last set its status",
            nullable = true,
            example = "night-editor")
        String handledBy) {

  /** The article a report is about. */
  @Schema(name = "ReportedArticle")
  public record ReportedArticle(
      @Schema(example = "old-news") String slug, @Schema(example = "Old news") String title) {}
}
