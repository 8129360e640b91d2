package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A text column read as bytes (listings pass their kept JSON through this way) is the UTF-8 the
 * text is, whatever its characters: pgjdbc hands over the raw value PostgreSQL sent.
 */
@QuarkusTest
class DirectReadBytesTest {

  private static final String TEXT =
      "{\"title\":\"plain, \\\"quoted\\\", é ß ÿ, — ✓ € 中文, \uFFFD, 🦀 \uD83D\uDE00 \uDBFF\uDFFF\"}";

  @Inject EntityManager entityManager;

  @Test
  void aTextColumnReadAsBytesIsItsUtf8() {
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      // Past pgjdbc's prepareThreshold (5), when the statement is prepared on the server and
      // could switch to binary transfer: still the same bytes.
      for (int run = 0; run < 8; run++) {
        List<Row> rows =
            DirectRead.rows(
                entityManager,
                "select cast(:text as text) as kept, cast(:text as text) as decoded",
                Map.of("text", TEXT),
                Set.of("kept"));

        Row row = rows.get(0);
        assertThat(row.bytes("kept")).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(row.text("kept")).isEqualTo(TEXT);
        assertThat(row.text("decoded")).isEqualTo(TEXT);
        assertThat(row.bytes("decoded")).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      request.terminate();
    }
  }

  @Test
  void aNullTextIsNullAsBytes() {
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      Row row =
          DirectRead.rows(
                  entityManager, "select cast(null as text) as kept", Map.of(), Set.of("kept"))
              .get(0);
      assertThat(row.bytes("kept")).isNull();
      assertThat(row.isNull("kept")).isTrue();
    } finally {
      request.terminate();
    }
  }
}
