package io.pressroom.article;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its lowercase name, the values the {@code articles.status} column holds. */
@Converter
class ArticleStatusConverter implements AttributeConverter<ArticleStatus, String> {

  @Override
  public String convertToDatabaseColumn(ArticleStatus status) {
    return status == null ? null : status.value();
  }

  @Override
  public ArticleStatus convertToEntityAttribute(String stored) {
    return stored == null ? null : ArticleStatus.of(stored);
  }
}
