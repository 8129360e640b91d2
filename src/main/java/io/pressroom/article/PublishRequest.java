package io.pressroom.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When to publish: absent or null for now, a future instant to schedule. */
@Schema(name = "PublishRequest")
public record PublishRequest(
    @Schema(nullable = true, example = "2026-12-01T08:00:00Z") Instant at) {}
