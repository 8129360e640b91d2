package io.pressroom.report;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A takedown or abuse report about an article. The article and the handling editor are kept as
 * plain ids: nothing here needs to load them, and editors read reports through {@link
 * ReportQueries}, which joins what they show.
 */
@Entity
@Table(name = "reports")
class Report {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "article_id")
  long articleId;

  String reason;
  String contact;

  @Convert(converter = ReportStatusConverter.class)
  ReportStatus status;

  @Column(name = "client_address")
  String clientAddress;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "handled_by")
  Long handledBy;

  /** For JPA. */
  protected Report() {}

  /** A new report, open until an editor handles it. */
  static Report filed(
      long articleId, String reason, String contact, String clientAddress, Instant at) {
    Report report = new Report();
    report.articleId = articleId;
    report.reason = reason;
    report.contact = contact;
    report.clientAddress = clientAddress;
    report.status = ReportStatus.OPEN;
    report.createdAt = at;
    report.updatedAt = at;
    return report;
  }

  /** An editor sets the status (reopening is one); whoever does so last is its handler. */
  void handle(ReportStatus newStatus, long editorId, Instant at) {
    status = newStatus;
    handledBy = editorId;
    updatedAt = at;
  }

  Long id() {
    return id;
  }

  ReportStatus status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }
}
