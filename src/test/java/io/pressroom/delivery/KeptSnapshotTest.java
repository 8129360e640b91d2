package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.support.Latches;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  @Test
  void whileOneReaderLoadsTheCopyTheOthersAreToldToReadPostgresql() throws Exception {
    snapshot.trust(true);
    try (StuckLoad stuck = new StuckLoad()) {
      Future<Optional<Integer>> loader = stuck.start();
      for (int reader = 0; reader < 8; reader++) {
        assertThat(get(null)).isEmpty();
      }
      stuck.release();
      assertThat(loader.get(10, TimeUnit.SECONDS)).contains(1);
      assertThat(get(null)).contains(1);
      assertThat(loads).hasValue(1);
    }
  }

  @Test
  void aReaderAfterADropLoadsAgainWhileTheOvertakenLoadRuns() throws Exception {
    snapshot.trust(true);
    try (StuckLoad stuck = new StuckLoad()) {
      Future<Optional<Integer>> early = stuck.start();
      snapshot.drop();
      assertThat(snapshot.get(() -> new KeptSnapshot.Loaded<>(100, null))).contains(100);
      stuck.release();
      assertThat(early.get(10, TimeUnit.SECONDS)).contains(1);
      assertThat(get(null)).contains(100);
    }
  }

  @Test
  void aFailedLoadLeavesTheNextReaderToLoad() {
    snapshot.trust(true);
    assertThatThrownBy(
            () ->
                snapshot.get(
                    () -> {
                      throw new IllegalStateException("the database went away");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(get(null)).contains(1);
  }

  @Test
  void aCopyMadeStaleWithinABoundIsUsedForThatWhileThenLoadedOnce() {
    snapshot.trust(true);
    assertThat(get(null)).contains(1);
    snapshot.staleWithin(Duration.ofMinutes(1));
    snapshot.staleWithin(Duration.ofMinutes(1));
    assertThat(get(null)).contains(1);
    snapshot.staleWithin(Duration.ZERO);
    assertThat(get(null)).contains(2);
    assertThat(get(null)).contains(2);
  }

  @Test
  void aLoadThatAStaleChangeCameDuringHoldsOnlyTheBoundFromItsStart() throws Exception {
    snapshot.trust(true);
    try (StuckLoad stuck = new StuckLoad()) {
      Future<Optional<Integer>> loader = stuck.start();
      snapshot.staleWithin(Duration.ZERO);
      stuck.release();
      assertThat(loader.get(10, TimeUnit.SECONDS)).contains(1);
      // The read may have missed the change: loaded again.
      assertThat(get(null)).contains(2);
      assertThat(get(null)).contains(2);
    }
  }

  /** A load under way in another thread, held until released: what other readers meet. */
  private final class StuckLoad implements AutoCloseable {
    private final CountDownLatch loading = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    /** Starts the load and returns once it is under way. */
    Future<Optional<Integer>> start() throws InterruptedException {
      Future<Optional<Integer>> load =
          pool.submit(
              () ->
                  snapshot.get(
                      () -> {
                        loading.countDown();
                        Latches.await(released);
                        return new KeptSnapshot.Loaded<>(loads.incrementAndGet(), null);
                      }));
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
      return load;
    }

    void release() {
      released.countDown();
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }
}
