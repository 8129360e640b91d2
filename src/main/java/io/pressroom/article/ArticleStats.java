package io.pressroom.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reader feedback on an article, kept exact as it happens. */
@Schema(name = "ArticleStats")
public record ArticleStats(
    @Schema(example = "42") int likes,
    @Schema(example = "7") int comments,
    @Schema(
            description = "Mean score 1-5 rounded to two decimals; 0 when unrated",
            example = "4.25")
        double ratingAverage,
    @Schema(example = "12") int ratingCount) {}
