package io.pressroom.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an article matches a search: its title with the matched words marked, when the title has
 * one, and a passage of its text. Both are escaped text in which the only elements are {@code
 * <mark>...</mark>} around matched words, so a client may insert them as HTML as they are.
 */
@Schema(
    name = "SearchHighlight",
    description =
        "Where an article matches a search: escaped text in which the only elements are"
            + " <mark>...</mark> around the matched words, safe to insert as HTML")
public record SearchHighlight(
    @Schema(
            description =
                "The whole title with the matched words in <mark>; left out when no word of the"
                    + " title matches",
            example = "Rust is now a first-class language in the Linux <mark>kernel</mark>")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String title,
    @Schema(
            description =
                "A passage of the body (else of the summary) with the matched words in <mark>; the"
                    + " summary's beginning, unmarked, when neither matches",
            example = "Rust support in the Linux <mark>kernel</mark> loses its label.")
        String snippet) {}
