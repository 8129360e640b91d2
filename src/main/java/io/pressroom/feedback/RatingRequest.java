package io.pressroom.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reader sends to rate an article. */
@Schema(name = "RatingRequest")
public record RatingRequest(
    @Schema(
            description = "Whole number from 1 (not worth it) to 5 (well worth your time)",
            minimum = "1",
            maximum = "5",
            required = true,
            example = "4")
        @NotNull(message = "is required")
        @Min(value = 1, message = SCORE_RANGE)
        @Max(value = 5, message = SCORE_RANGE)
        Integer score) {

  static final String SCORE_RANGE = "must be a whole number from 1 to 5";
}
