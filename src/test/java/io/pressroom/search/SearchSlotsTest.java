package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pressroom.support.Latches;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Searches take turns in the index: a few at a time, the others in the order they came. */
class SearchSlotsTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void noMoreSearchesWorkAtOnceThanThereAreSlots() throws Exception {
    SearchSlots slots = new SearchSlots(2, new SimpleMeterRegistry());
    AtomicInteger working = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Future<Integer>> searches = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      int search = i;
      searches.add(
          pool.submit(
              () ->
                  slots.run(
                      () -> {
                        most.accumulateAndGet(working.incrementAndGet(), Math::max);
                        pause(30);
                        working.decrementAndGet();
                        return search;
                      })));
    }
    for (int i = 0; i < 6; i++) {
      assertThat(searches.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
    }
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void waitingSearchesGoInTheOrderTheyCame() throws Exception {
    SearchSlots slots = new SearchSlots(1, new SimpleMeterRegistry());
    CountDownLatch free = new CountDownLatch(1);
    CountDownLatch taken = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Future<?> holder =
        pool.submit(
            () -> {
              slots.run(
                  () -> {
                    taken.countDown();
                    Latches.await(free);
                    return null;
                  });
              // Back the instant it let its slot go, before the first in line has woken: it must
              // not overtake those waiting (an unfair semaphore lets it).
              return slots.run(() -> order.add("again"));
            });
    assertThat(taken.await(10, TimeUnit.SECONDS)).as("the slot taken").isTrue();
    Future<?> first = pool.submit(() -> slots.run(() -> order.add("first")));
    waitUntil(() -> slots.waiting() == 1);
    Future<?> second = pool.submit(() -> slots.run(() -> order.add("second")));
    waitUntil(() -> slots.waiting() == 2);
    assertThat(order).isEmpty();

    free.countDown();
    holder.get(10, TimeUnit.SECONDS);
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    assertThat(order).containsExactly("first", "second", "again");
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void aSearchThatFailsFreesItsSlot() throws Exception {
    SearchSlots slots = new SearchSlots(1, new SimpleMeterRegistry());
    assertThatThrownBy(
            () ->
                slots.run(
                    () -> {
                      throw new IOException("unreadable index");
                    }))
        .isInstanceOf(IOException.class);
    CompletableFuture<String> next =
        CompletableFuture.supplyAsync(() -> runQuietly(slots, () -> "answered"), pool);
    assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
  }

  @Test
  void aWaitCutShortByAStopIsAnUnavailableProblem() throws Exception {
    SearchSlots slots = new SearchSlots(1, new SimpleMeterRegistry());
    CountDownLatch free = new CountDownLatch(1);
    hold(slots, free);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                slots.run(() -> "never");
                failure.complete(null);
              } catch (Throwable e) {
                failure.complete(e);
              }
            });
    waiter.start();
    waitUntil(() -> slots.waiting() == 1);
    waiter.interrupt();

    Throwable thrown = failure.get(10, TimeUnit.SECONDS);
    assertThat(thrown).isInstanceOf(ProblemException.class);
    assertThat(((ProblemException) thrown).type()).isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(((ProblemException) thrown).headers()).containsEntry("Retry-After", "1");
    free.countDown();
  }

  /** Takes a slot until {@code free}; returns once it has it. */
  private Future<?> hold(SearchSlots slots, CountDownLatch free) throws InterruptedException {
    CountDownLatch taken = new CountDownLatch(1);
    Future<?> holder =
        pool.submit(
            () ->
                slots.run(
                    () -> {
                      taken.countDown();
                      Latches.await(free);
                      return null;
                    }));
    assertThat(taken.await(10, TimeUnit.SECONDS)).as("the slot taken").isTrue();
    return holder;
  }

  private static String runQuietly(SearchSlots slots, SearchSlots.IndexWork<String> work) {
    try {
      return slots.run(work);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s for the slots").isLessThan(deadline);
      pause(5);
    }
  }
}
