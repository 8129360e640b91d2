package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptCopiesTest {

  private final KeptCopies<Long, String> copies = new KeptCopies<>(100);

  @Test
  void nothingIsKeptOrUsedUntilTheListenerIsProvenAlive() {
    copies.keep(1L, "one", copies.stamp());
    copies.trust(true);
    assertThat(copies.getAll(List.of(1L))).isEmpty();

    copies.keep(1L, "one", copies.stamp());
    assertThat(copies.getAll(List.of(1L, 2L))).isEqualTo(Map.of(1L, "one"));

    copies.trust(false);
    assertThat(copies.getAll(List.of(1L))).isEmpty();
    copies.keep(1L, "one", copies.stamp());
    copies.trust(true);
    assertThat(copies.getAll(List.of(1L))).isEmpty();
  }

  @Test
  void aDropEndsEveryCopy() {
    copies.trust(true);
    copies.keep(1L, "one", copies.stamp());
    copies.keep(2L, "two", copies.stamp());

    copies.drop();

    assertThat(copies.getAll(List.of(1L, 2L))).isEmpty();
    copies.keep(1L, "one again", copies.stamp());
    assertThat(copies.getAll(List.of(1L, 2L))).isEqualTo(Map.of(1L, "one again"));
  }

  @Test
  void aCopyReadWhileADropHappenedIsNotKept() {
    copies.trust(true);
    long stamp = copies.stamp();
    // The read started before a write committed and was announced: it may show the old text.
    copies.drop();
    copies.keep(1L, "read before the write", stamp);

    assertThat(copies.getAll(List.of(1L))).isEmpty();
  }

  @Test
  void aCopyReadWhileTheListenerWasDeafIsNotKeptOnceItHearsAgain() {
    copies.trust(false);
    long stamp = copies.stamp();
    copies.trust(true);
    copies.keep(1L, "read while deaf", stamp);

    assertThat(copies.getAll(List.of(1L))).isEmpty();
  }

  @Test
  void noneAreKeptWhenTheBoundIsZero() {
    KeptCopies<Long, String> none = new KeptCopies<>(0);
    none.trust(true);
    none.keep(1L, "one", none.stamp());

    assertThat(none.getAll(List.of(1L))).isEmpty();
  }
}
