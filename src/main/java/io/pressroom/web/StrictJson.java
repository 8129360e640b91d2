package io.pressroom.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.pressroom.text.SafeText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Makes every JSON body as strict as its schema: no scalar is coerced into another type (123 is not
 * a string, 2.5 not a whole number, "true" not a boolean, 1 not an enum), duplicate keys and
 * trailing content are errors, bodies nest at most {@value #MAX_NESTING_DEPTH} levels, and string
 * values obey {@link SafeText}. Every such error reaches {@link ProblemMappers} as a 400 problem
 * that names the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** No Pressroom body nests more than three levels; this leaves room and refuses the rest. */
  static final int MAX_NESTING_DEPTH = 16;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.enable(
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    refuse(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String,
        CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String);
    refuse(
        mapper,
        LogicalType.Enum,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.DateTime,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    mapper.registerModule(
        new SimpleModule("pressroom-strict-json")
            .addDeserializer(String.class, new SafeStrings())
            .addDeserializer(Instant.class, new IsoInstants()));
  }

  /** Last, so that its Instant reader replaces the one of the JavaTimeModule Quarkus registers. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  private static void refuse(
      ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Reads strings as Jackson does, then applies {@link SafeText}. */
  static final class SafeStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (!SafeText.isSafe(value)) {
        throw new UnsafeTextException(p);
      }
      return value;
    }
  }

  /** An instant is an ISO-8601 string in every body; numbers (epoch seconds) are refused. */
  static final class IsoInstants extends StdScalarDeserializer<Instant> {

    IsoInstants() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }

  /** A string value that breaks {@link SafeText}; the mapper names the field. */
  public static final class UnsafeTextException extends MismatchedInputException {

    UnsafeTextException(JsonParser p) {
      super(p, "String value " + SafeText.MESSAGE, String.class);
    }
  }
}
