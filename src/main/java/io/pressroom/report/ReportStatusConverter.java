package io.pressroom.report;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ReportStatus} as the lowercase text the {@code reports.status} check allows. */
@Converter
class ReportStatusConverter implements AttributeConverter<ReportStatus, String> {

  @Override
  public String convertToDatabaseColumn(ReportStatus status) {
    return status == null ? null : status.value();
  }

  @Override
  public ReportStatus convertToEntityAttribute(String value) {
    return value == null ? null : ReportStatus.of(value);
  }
}
