package io.pressroom.report;

import io.pressroom.PressroomConfig;
import io.pressroom.limit.Allowance;
import io.pressroom.limit.Limit;
import io.pressroom.limit.Limiter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits how many reports one client address may file: {@code pressroom.reports.per-address} per
 * {@code pressroom.reports.window}, refilled gradually, counted across instances (see {@link
 * Limiter}); a 503 while the database, which a report needs, is away.
 */
@ApplicationScoped
class ReportThrottle {

  private final Allowance perAddress;

  ReportThrottle(PressroomConfig config, Limiter limiter) {
    PressroomConfig.Reports limits = config.reports();
    this.perAddress =
        limiter.allowance(Limit.REPORT, "report", limits.perAddress(), limits.window());
  }

  /** Spends one report of this address's allowance, or fails with a 429 problem. */
  void acquire(String address) {
    perAddress.spendOrRefuse(address, "Too many reports from your address");
  }
}
