package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    KeptCopies.Stamp stamp = copies.stamp();
    // The read started before a write committed and was announced: it may show the old text.
    copies.drop();
    copies.keep(1L, "read before the write", stamp);

    assertThat(copies.getAll(List.of(1L))).isEmpty();
  }

  @Test
  void aCopyReadWhileTheListenerWasDeafIsNotKeptOnceItHearsAgain() {
    copies.trust(false);
    KeptCopies.Stamp stamp = copies.stamp();
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

  /** Copies with a time to live, on a clock the test moves. */
  private final AtomicLong nanos = new AtomicLong();

  private final KeptCopies<Long, String> living =
      new KeptCopies<>(100, Optional.of(Duration.ofSeconds(60)), nanos::get);

  @Test
  void aKeyDroppedAloneEndsOnlyItsCopy() {
    living.trust(true);
    living.keep(1L, "one", living.stamp());
    living.keep(2L, "two", living.stamp());

    living.drop(1L);

    assertThat(living.getAll(List.of(1L, 2L))).isEqualTo(Map.of(2L, "two"));
    living.keep(1L, "one again", living.stamp());
    assertThat(living.getAll(List.of(1L, 2L))).isEqualTo(Map.of(1L, "one again", 2L, "two"));
  }

  @Test
  void aCopyReadWhileItsKeyWasDroppedIsNotKeptNorUsed() {
    living.trust(true);
    KeptCopies.Stamp stamp = living.stamp();
    // The read started before feedback on the article committed and was announced.
    living.drop(1L);
    living.keep(1L, "read before the like", stamp);
    living.keep(2L, "another key, read meanwhile", stamp);
    assertThat(living.getAll(List.of(1L, 2L))).isEqualTo(Map.of(2L, "another key, read meanwhile"));

    // Kept just before the drop of its key took effect, the copy is there, yet not used.
    KeptCopies.Stamp racing = living.stamp();
    living.keep(3L, "kept as the like was announced", racing);
    living.drop(3L);
    living.keep(3L, "kept as the like was announced", racing);
    assertThat(living.getAll(List.of(3L))).isEmpty();
  }

  @Test
  void aCopyEndsAfterItsTimeToLiveAndOneReadTooSlowlyIsNotKept() {
    living.trust(true);
    living.keep(1L, "one", living.stamp());
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(living.getAll(List.of(1L))).isEmpty();

    KeptCopies.Stamp slow = living.stamp();
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    living.keep(1L, "read for over a minute", slow);
    assertThat(living.getAll(List.of(1L))).isEmpty();
  }

  @Test
  void withoutATimeToLiveDroppingOneKeyDropsEvery() {
    copies.trust(true);
    copies.keep(1L, "one", copies.stamp());
    copies.keep(2L, "two", copies.stamp());

    copies.drop(1L);

    assertThat(copies.getAll(List.of(1L, 2L))).isEmpty();
  }
}
