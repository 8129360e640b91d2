package io.pressroom.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting as C's printf does it (and so awk, which the report used to be written in): the
 * exact binary value rounded half to even. Java's own {@code %.2f} rounds half up on the decimal
 * expansion, which differs on values such as 1.125.
 */
final class Fmt {
  private Fmt() {}

  /** {@code printf("%.<scale>f", x)}. */
  static String fixed(double x, int scale) {
    return round(x, scale).toPlainString();
  }

  /** The value that {@code printf("%.<scale>f", x)} prints, as a number again. */
  static double rounded(double x, int scale) {
    return round(x, scale).doubleValue();
  }

  /** {@code printf("%.0f", x)}. */
  static long whole(double x) {
    return round(x, 0).longValueExact();
  }

  /** A share as the report prints it: two decimals below 1%, one above ("0.04%", "56.5%"). */
  static String pct(double share) {
    return share < 0.01 ? fixed(share * 100, 2) + "%" : fixed(share * 100, 1) + "%";
  }

  private static BigDecimal round(double x, int scale) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw new ArithmeticException("not a finite number: " + x);
    }
    BigDecimal value = new BigDecimal(x).setScale(scale, RoundingMode.HALF_EVEN);
    // printf prints -0.00 for a tiny negative value; nothing here is negative, keep it plain.
    return value.signum() == 0 ? BigDecimal.ZERO.setScale(scale) : value;
  }
}
