package io.pressroom.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A takedown or abuse report about an article, from anyone. */
@Schema(name = "NewReport")
public record ReportRequest(
    @Schema(
            description = "What is wrong and what should happen; 10-2000 characters",
            example =
                "This is a copy of our story without permission; please take it down. We are"
                    + " the publisher.")
        @NotBlank
        @Size(min = ReportService.MIN_REASON_LENGTH, max = ReportService.MAX_REASON_LENGTH)
        String reason,
    @Schema(
            description =
                "How editors can reach you: an email address or an http(s) URL; shown to"
                    + " editors only",
            nullable = true,
            example = "legal@publisher.example")
        @Size(max = ReportService.MAX_CONTACT_LENGTH)
        @Contact
        String contact) {}
