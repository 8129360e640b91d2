package io.pressroom.source;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link that opens an article's original source without a bearer token, for a short while. */
@Schema(name = "SourceLink")
public record SourceLink(
    @Schema(
            description = "Absolute URL to open; it redirects to the original source",
            example =
                "https://api.pressroom.example/go/1842.1795513800.xTjNnCXid_DFMTcDLoCLKPOofPa-xyLvrThnqD6LtjA")
        String url,
    @Schema(description = "When the link stops working", example = "2026-11-24T09:35:00Z")
        Instant expiresAt) {}
