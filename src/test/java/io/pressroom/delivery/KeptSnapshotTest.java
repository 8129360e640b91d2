package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  void readersWhoFindNoCopyWaitForTheOneLoadUnderWay() throws Exception {
    snapshot.trust(true);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int readers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<Optional<Integer>>> answers = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        answers.add(
            pool.submit(
                () ->
                    snapshot.get(
                        () -> {
                          loading.countDown();
                          await(release);
                          return new KeptSnapshot.Loaded<>(loads.incrementAndGet(), null);
                        })));
      }
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
      // Every reader has asked by now, or will find the copy kept.
      Thread.sleep(200);
      release.countDown();
      for (Future<Optional<Integer>> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(1);
      }
      assertThat(loads).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReaderAfterADropDoesNotWaitForTheLoadItOvertook() throws Exception {
    snapshot.trust(true);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<Integer>> early =
          pool.submit(
              () ->
                  snapshot.get(
                      () -> {
                        loading.countDown();
                        await(release);
                        return new KeptSnapshot.Loaded<>(loads.incrementAndGet(), null);
                      }));
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
      snapshot.drop();
      // Loads on its own while the overtaken load is still waiting.
      assertThat(snapshot.get(() -> new KeptSnapshot.Loaded<>(100, null))).contains(100);
      release.countDown();
      assertThat(early.get(10, TimeUnit.SECONDS)).contains(1);
      assertThat(get(null)).contains(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenTheLoadFailsTheWaitingReadersAreToldToReadPostgresql() throws Exception {
    snapshot.trust(true);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<Integer>> loader =
          pool.submit(
              () ->
                  snapshot.get(
                      () -> {
                        loading.countDown();
                        await(release);
                        throw new IllegalStateException("the database went away");
                      }));
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Optional<Integer>> waiter = pool.submit(() -> get(null));
      Thread.sleep(200);
      release.countDown();
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isEmpty();
      assertThatThrownBy(() -> loader.get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalStateException.class);
      assertThat(get(null)).contains(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
