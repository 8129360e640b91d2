package io.pressroom.report;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the reporter gets back: that the report was filed, and where it stands. */
@Schema(name = "ReportReceipt")
public record ReportReceipt(
    @Schema(example = "311") long id,
    @Schema(description = "Slug of the reported article", example = "old-news") String article,
    @Schema(
            enumeration = {"open", "resolved", "dismissed"},
            example = "open")
        String status,
    @Schema(example = "2026-11-24T09:30:00Z") Instant createdAt) {}
