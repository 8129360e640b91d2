package io.pressroom.report;

import io.pressroom.PressroomConfig;
import io.pressroom.web.Allowances;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits how many reports one client address may file: {@code pressroom.reports.per-address} per
 * {@code pressroom.reports.window}, refilled gradually. Buckets live in this instance's memory, so
 * with several instances a client gets each instance's allowance at most.
 */
@ApplicationScoped
class ReportThrottle {

  private final Allowances perAddress;

  ReportThrottle(PressroomConfig config) {
    PressroomConfig.Reports limits = config.reports();
    this.perAddress = new Allowances(limits.perAddress(), limits.window());
  }

  /** Spends one report of this address's allowance, or fails with a 429 problem. */
  void acquire(String address) {
    perAddress.spendOrRefuse(address, "Too many reports from your address");
  }
}
