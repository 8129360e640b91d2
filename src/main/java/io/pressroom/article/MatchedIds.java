package io.pressroom.article;

import java.util.Optional;

/**
 * A set of article ids as PostgreSQL's {@code get_bit(bytea, n)} reads it: id {@code lowest + n} is
 * in the set when bit {@code n} is set, bits numbered from the lowest of each byte. One bytea
 * parameter however many ids, which PostgreSQL neither parses nor plans one by one as it does the
 * elements of an array.
 */
final class MatchedIds {

  /** The largest bit set sent: 256 KiB, ids up to 2,097,152 apart. */
  static final int MAX_BYTES = 1 << 18;

  private final long lowest;
  private final long highest;
  private final byte[] bits;

  private MatchedIds(long lowest, long highest, byte[] bits) {
    this.lowest = lowest;
    this.highest = highest;
    this.bits = bits;
  }

  /** The set of {@code ids}; empty when there are none, or they lie too far apart. */
  static Optional<MatchedIds> of(long[] ids) {
    if (ids.length == 0) {
      return Optional.empty();
    }
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    for (long id : ids) {
      lowest = Math.min(lowest, id);
      highest = Math.max(highest, id);
    }
    long span = highest - lowest;
    if (span < 0 || span / 8 >= MAX_BYTES) {
      return Optional.empty();
    }
    byte[] bits = new byte[(int) (span / 8) + 1];
    for (long id : ids) {
      long n = id - lowest;
      bits[(int) (n >>> 3)] |= (byte) (1 << (n & 7));
    }
    return Optional.of(new MatchedIds(lowest, highest, bits));
  }

  long lowest() {
    return lowest;
  }

  long highest() {
    return highest;
  }

  /** The bytes PostgreSQL reads; not copied (the set is made for one statement). */
  byte[] bits() {
    return bits;
  }

  boolean contains(long id) {
    if (id < lowest || id > highest) {
      return false;
    }
    long n = id - lowest;
    return (bits[(int) (n >>> 3)] & (1 << (n & 7))) != 0;
  }
}
