package io.pressroom.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reader sends to rate an article. The body is read by hand rather than bound, so that a
 * fraction (2.5), a numeric string ("5") or a word is refused instead of being coerced.
 */
@Schema(name = "RatingRequest")
public record RatingRequest(
    @Schema(
            description = "Whole number from 1 (not worth it) to 5 (well worth your time)",
            minimum = "1",
            maximum = "5",
            required = true,
            example = "4")
        int score) {

  static final String SCORE = "score";

  /** The score of a request body; any other body is a 400 problem that names the field. */
  static RatingRequest of(JsonNode body) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      throw ProblemException.invalidField(SCORE, "is required");
    }
    if (!body.isObject()) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "Send a JSON object such as {\"score\": 4}.");
    }
    List<Problem.FieldError> unknown = new ArrayList<>();
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals(SCORE)) {
        unknown.add(new Problem.FieldError(name, "is not accepted here"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION, "The body names fields that are not accepted here.", unknown);
    }
    JsonNode score = body.get(SCORE);
    if (score == null || score.isNull()) {
      throw ProblemException.invalidField(SCORE, "is required");
    }
    if (!score.isIntegralNumber()
        || !score.canConvertToInt()
        || score.intValue() < 1
        || score.intValue() > 5) {
      throw invalidScore();
    }
    return new RatingRequest(score.intValue());
  }

  static ProblemException invalidScore() {
    return ProblemException.invalidField(SCORE, "must be a whole number from 1 to 5");
  }
}
