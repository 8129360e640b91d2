package io.pressroom.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How readers rated an article, and how the caller did. */
@Schema(
    name = "RatingSummary",
    requiredProperties = {"average", "count", "histogram", "mine"})
public record RatingSummary(
    @Schema(
            description = "Mean score 1-5 rounded to two decimals; 0 when unrated",
            example = "4.25")
        double average,
    @Schema(description = "Number of ratings", example = "12") int count,
    Histogram histogram,
    @Schema(
            description =
                "The signed-in caller's own score; null when the caller has not rated the"
                    + " article, and always null for anonymous callers",
            nullable = true,
            example = "5")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Integer mine) {

  /** How many ratings gave each score. */
  @Schema(
      name = "RatingHistogram",
      description = "Number of ratings per score",
      requiredProperties = {"1", "2", "3", "4", "5"})
  public record Histogram(
      @JsonProperty("1") @Schema(example = "0") long one,
      @JsonProperty("2") @Schema(example = "1") long two,
      @JsonProperty("3") @Schema(example = "1") long three,
      @JsonProperty("4") @Schema(example = "4") long four,
      @JsonProperty("5") @Schema(example = "6") long five) {}
}
