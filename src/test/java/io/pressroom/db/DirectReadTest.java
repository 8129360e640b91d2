package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectReadTest {

  @Test
  void namedParametersBecomePositionalInTheOrderTheyAppear() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tags", List.of("a", "b", "c"));
    parameters.put("author", "ann");
    List<Object> values = new ArrayList<>();

    String sql =
        DirectRead.positional(
            "select 1 where x = :author and t in (:tags) and y = :author", parameters, values);

    assertThat(sql).isEqualTo("select 1 where x = ? and t in (?, ?, ?) and y = ?");
    assertThat(values).containsExactly("ann", "a", "b", "c", "ann");
  }

  @Test
  void castsQuotedTextAndQuotedNamesAreLeftAlone() {
    List<Object> values = new ArrayList<>();

    String sql =
        DirectRead.positional(
            "select 'a :b' as \"c:d\", x::text, :e as e", Map.of("e", 1L), values);

    assertThat(sql).isEqualTo("select 'a :b' as \"c:d\", x::text, ? as e");
    assertThat(values).containsExactly(1L);
  }

  @Test
  void aNameWithoutValueOrAnEmptyCollectionIsRefused() {
    assertThatThrownBy(() -> DirectRead.positional("select :x", Map.of(), new ArrayList<>()))
        .hasMessageContaining(":x");
    assertThatThrownBy(
            () -> DirectRead.positional("select :x", Map.of("x", List.of()), new ArrayList<>()))
        .hasMessageContaining(":x");
  }

  @Test
  void aStatementSeenBeforeIsBoundAfreshEachTime() {
    String statement = "select 1 where t in (:tags) and x = :author -- once more";
    for (List<String> tags : List.of(List.of("a"), List.of("a", "b", "c"), List.of("d", "e"))) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("tags", tags);
      parameters.put("author", "ann");
      List<Object> values = new ArrayList<>();

      String sql = DirectRead.positional(statement, parameters, values);

      assertThat(sql)
          .isEqualTo(
              "select 1 where t in ("
                  + String.join(", ", tags.stream().map(t -> "?").toList())
                  + ") and x = ? -- once more");
      List<Object> expected = new ArrayList<>(tags);
      expected.add("ann");
      assertThat(values).isEqualTo(expected);
    }
    List<Object> values = new ArrayList<>();
    assertThat(DirectRead.positional("select :n as n", Map.of("n", 1L), values))
        .isEqualTo("select ? as n");
    assertThat(DirectRead.positional("select :n as n", Map.of("n", 2L), values))
        .isEqualTo("select ? as n");
    assertThat(values).containsExactly(1L, 2L);
  }
}
