package io.pressroom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportStatusConverterTest {

  private final ReportStatusConverter converter = new ReportStatusConverter();

  @Test
  void storesTheLowercaseNamesTheSchemaAllows() {
    assertThat(converter.convertToDatabaseColumn(ReportStatus.OPEN)).isEqualTo("open");
    assertThat(converter.convertToDatabaseColumn(ReportStatus.RESOLVED)).isEqualTo("resolved");
    assertThat(converter.convertToDatabaseColumn(ReportStatus.DISMISSED)).isEqualTo("dismissed");
  }

  @Test
  void readsBackEveryStatusItStores() {
    for (ReportStatus status : ReportStatus.values()) {
      assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status)))
          .isEqualTo(status);
    }
  }

  @Test
  void theNamesAreTheStoredValuesInOrder() {
    assertThat(ReportStatus.names()).containsExactly("open", "resolved", "dismissed");
  }

  @Test
  void nullStaysNull() {
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }

  @Test
  void anUnknownNameIsAnError() {
    assertThatThrownBy(() -> ReportStatus.of("OPEN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportStatus.of("closed"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
