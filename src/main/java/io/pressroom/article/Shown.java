package io.pressroom.article;

import java.util.List;

/**
 * An answer as a service returns it: the wire record, and the ids of the articles it shows, which
 * the resource notes so that a cached copy of the answer can be dropped when one of them changes.
 */
public record Shown<T>(T body, List<Long> articleIds) {

  public Shown {
    articleIds = List.copyOf(articleIds);
  }
}
