package io.pressroom.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final Instant FILED = Instant.parse("2026-11-24T09:30:00Z");

  @Test
  void aNewReportIsOpenAndUnhandled() {
    Report report = Report.filed(5, "Copied without permission.", null, "203.0.113.7", FILED);

    assertThat(report.status()).isEqualTo(ReportStatus.OPEN);
    assertThat(report.handledBy).isNull();
    assertThat(report.updatedAt).isEqualTo(FILED);
  }

  @Test
  void theEditorWhoSetsTheStatusLastHandlesIt() {
    Report report = Report.filed(5, "Copied without permission.", null, "203.0.113.7", FILED);
    Instant later = FILED.plusSeconds(60);

    report.handle(ReportStatus.RESOLVED, 21, FILED.plusSeconds(30));
    report.handle(ReportStatus.OPEN, 22, later);

    assertThat(report.status()).isEqualTo(ReportStatus.OPEN);
    assertThat(report.handledBy).isEqualTo(22L);
    assertThat(report.updatedAt).isEqualTo(later);
    assertThat(report.createdAt()).isEqualTo(FILED);
  }
}
