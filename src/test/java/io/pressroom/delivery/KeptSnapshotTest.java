package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptSnapshotTest {

  private final KeptSnapshot<Integer> snapshot = new KeptSnapshot<>();
  private final AtomicInteger loads = new AtomicInteger();

  private Optional<Integer> get(Instant validUntil) {
    return snapshot.get(() -> new KeptSnapshot.Loaded<>(loads.incrementAndGet(), validUntil));
  }

  @Test
  void nothingIsLoadedOrUsedUntilTheListenerIsProvenAlive() {
    assertThat(get(null)).isEmpty();
    snapshot.trust(true);
    assertThat(get(null)).contains(1);
    snapshot.trust(false);
    assertThat(get(null)).isEmpty();
    assertThat(loads).hasValue(1);
  }

  @Test
  void aCopyIsLoadedOnceAndAgainAfterADrop() {
    snapshot.trust(true);
    assertThat(get(null)).contains(1);
    assertThat(get(null)).contains(1);
    snapshot.drop();
    assertThat(get(null)).contains(2);
  }

  @Test
  void aCopyPastItsInstantIsLoadedAgain() {
    snapshot.trust(true);
    assertThat(get(Instant.now().minusMillis(1))).contains(1);
    assertThat(get(Instant.now().plusSeconds(60))).contains(2);
    assertThat(get(null)).contains(2);
  }

  @Test
  void aLoadOvertakenByADropIsAnsweredButNotKept() {
    snapshot.trust(true);
    Optional<Integer> first =
        snapshot.get(
            () -> {
              snapshot.drop();
              return new KeptSnapshot.Loaded<>(loads.incrementAndGet(), null);
            });
    assertThat(first).contains(1);
    assertThat(get(null)).contains(2);
  }
}
