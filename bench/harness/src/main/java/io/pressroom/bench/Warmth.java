package io.pressroom.bench;

/**
 * When a row's warm-up may stop: once two slices in a row each ran no faster than the fastest slice
 * before it by more than {@link #RISE}, or after {@code maxSlices}. The app's code is compiled
 * while it runs: on two cores shared with 32 connections the JIT took more than a minute of load to
 * compile the search paths, and a warm-up of a fixed few seconds measured them half compiled (bench
 * README, the run of 2026-12-03 08:11: 2.43, 1.63, then 0.79 ms of the app's CPU per search). A
 * search row still rises a few percent a slice for 10 to 20 s after traffic turns to it, which one
 * slice of noise hides: on three measured rises, stopping at the first slice that did not rise left
 * the slices after it up to 9% below the settled rate (bench README, the run of 2026-12-04 19:53).
 * A row that is already warm stops after its third slice.
 */
final class Warmth {

  /** A slice this much faster than the best before it is still rising. */
  static final double RISE = 0.05;

  /** How many slices in a row must not rise for the rate to count as settled. */
  static final int STILL = 2;

  private final int maxSlices;
  private long best;
  private int slices;
  private int stillInARow;

  Warmth(int maxSlices) {
    this.maxSlices = Math.max(1, maxSlices);
  }

  /** Notes the rate of the slice just run; true when the warm-up may stop. */
  boolean settled(long rate) {
    slices++;
    boolean rising = slices == 1 || rate > best * (1 + RISE);
    best = Math.max(best, rate);
    stillInARow = rising ? 0 : stillInARow + 1;
    return stillInARow >= STILL || slices >= maxSlices;
  }

  int slices() {
    return slices;
  }
}
