package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

  @Test
  void readsEachColumnByItsAliasWhateverTypeTheDriverChose() {
    Map<String, Object> values = new HashMap<>();
    values.put("total", 7L);
    values.put("minutes", (short) 3);
    values.put("average", 4.5f);
    values.put("slug", "hello");
    values.put("listed", true);
    values.put("published_at", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000, ZoneOffset.UTC));
    values.put("deleted_at", null);
    Row row = Row.of(values);

    assertThat(row.getLong("total")).isEqualTo(7);
    assertThat(row.getInt("minutes")).isEqualTo(3);
    assertThat(row.getDouble("average")).isEqualTo(4.5);
    assertThat(row.text("slug")).isEqualTo("hello");
    assertThat(row.bool("listed")).isTrue();
    assertThat(row.instant("published_at")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(row.exactInstant("published_at"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.600Z"));
    assertThat(row.instant("deleted_at")).isNull();
    assertThat(row.nullableLong("deleted_at")).isNull();
    assertThat(row.isNull("deleted_at")).isTrue();
  }

  @Test
  void aColumnTheQueryDoesNotSelectIsAnErrorNamingWhatItHas() {
    Row row = Row.of(Map.of("id", 1L));

    assertThatThrownBy(() -> row.getLong("slug"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'slug'")
        .hasMessageContaining("id");
  }
}
