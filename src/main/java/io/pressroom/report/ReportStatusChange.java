package io.pressroom.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An editor's decision on a report. */
@Schema(name = "ReportStatusChange")
public record ReportStatusChange(
    @Schema(
            enumeration = {"open", "resolved", "dismissed"},
            example = "resolved")
        @NotNull
        @Pattern(
            regexp = "open|resolved|dismissed",
            message = "must be open, resolved or dismissed")
        String status) {}
