package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.PressroomConfig;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  private final CursorCodec cursors = new CursorCodec(configWithKey("a test key"), null);

  @Test
  void aCursorDecodesToThePositionItWasMadeFor() {
    String cursor =
        cursors.encode(new CursorCodec.Position("-publishedAt", List.of("2026-11-24", "42")));

    assertThat(cursors.decode(cursor, "-publishedAt", 2).keys())
        .containsExactly("2026-11-24", "42");
  }

  @Test
  void keysAreReadByTypeAndABadOneIsTheSameProblemAsAForgedCursor() {
    String cursor =
        cursors.encode(
            new CursorCodec.Position(
                "at", List.of("2026-11-24T09:30:00.123456Z", "42", "-1", "x")));
    CursorCodec.Position position = cursors.decode(cursor, "at", 4);

    assertThat(position.instant(0)).isEqualTo(Instant.parse("2026-11-24T09:30:00.123456Z"));
    assertThat(position.longKey(1)).isEqualTo(42L);
    assertThat(position.nonNegativeLong(1)).isEqualTo(42L);
    assertThat(position.longKey(2)).isEqualTo(-1L);
    assertThat(position.text(3)).isEqualTo("x");
    for (ThrowingCallable bad :
        List.<ThrowingCallable>of(
            () -> position.longKey(3),
            () -> position.nonNegativeLong(2),
            () -> position.instant(1))) {
      assertThatThrownBy(bad)
          .isInstanceOfSatisfying(ProblemException.class, e -> assertField(e, "cursor"));
    }
  }

  @Test
  void aListThatReadsAnOlderKindTooTellsWhichItDecoded() {
    String current = cursors.encode(new CursorCodec.Position("new", List.of("a", "1")));
    String older = cursors.encode(new CursorCodec.Position("old", List.of("b", "2", "3")));
    String other = cursors.encode(new CursorCodec.Position("other", List.of("c", "4")));

    CursorCodec.Position read = cursors.decode(current, "new", 2, "old", 3);
    assertThat(read.sort()).isEqualTo("new");
    assertThat(read.keys()).containsExactly("a", "1");
    CursorCodec.Position readOlder = cursors.decode(older, "new", 2, "old", 3);
    assertThat(readOlder.sort()).isEqualTo("old");
    assertThat(readOlder.keys()).containsExactly("b", "2", "3");
    assertThatThrownBy(() -> cursors.decode(other, "new", 2, "old", 3))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertField(e, "cursor"))
        .hasMessageContaining("another sort order");
    assertThatThrownBy(() -> cursors.decode(older, "new", 2, "old", 2))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertField(e, "cursor"));
  }

  @Test
  void aTamperedCursorIsRefused() {
    String cursor = cursors.encode(new CursorCodec.Position("name", List.of("ada", "7")));
    String otherPayload =
        cursors.encode(new CursorCodec.Position("name", List.of("zed", "9"))).split("\\.")[0];
    String forged = otherPayload + "." + cursor.split("\\.")[1];

    assertThatThrownBy(() -> cursors.decode(forged, "name", 2))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertField(e, "cursor"));
  }

  @Test
  void aCursorSignedWithAnotherKeyIsRefused() {
    CursorCodec other = new CursorCodec(configWithKey("another key"), null);
    String cursor = other.encode(new CursorCodec.Position("name", List.of("ada", "7")));

    assertThatThrownBy(() -> cursors.decode(cursor, "name", 2))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aCursorOfAnotherSortOrderSaysSo() {
    String cursor = cursors.encode(new CursorCodec.Position("-likes", List.of("3", "7")));

    assertThatThrownBy(() -> cursors.decode(cursor, "-publishedAt", 2))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.getMessage()).contains("another sort order"));
  }

  @Test
  void garbageAndWrongKeyCountsAreRefused() {
    String oneKey = cursors.encode(new CursorCodec.Position("name", List.of("ada")));
    for (String bad : List.of("", ".", "abc", "!!!.???", "a".repeat(600) + ".b", oneKey)) {
      assertThatThrownBy(() -> cursors.decode(bad, "name", 2))
          .as(bad)
          .isInstanceOf(ProblemException.class);
    }
  }

  private static void assertField(ProblemException e, String field) {
    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly(field);
  }

  /** Only the cursor key is read by the codec; every other setting is absent. */
  private static PressroomConfig configWithKey(String key) {
    return (PressroomConfig)
        Proxy.newProxyInstance(
            PressroomConfig.class.getClassLoader(),
            new Class<?>[] {PressroomConfig.class},
            (proxy, method, args) ->
                method.getName().equals("cursorKey") ? Optional.of(key) : null);
  }
}
