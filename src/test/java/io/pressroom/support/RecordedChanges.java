package io.pressroom.support;

import io.pressroom.article.ArticleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every ArticleChanged event fired, as a cache that follows them would see them. */
@ApplicationScoped
public class RecordedChanges {

  private final List<ArticleChanged> events = new CopyOnWriteArrayList<>();

  void record(@Observes ArticleChanged event) {
    events.add(event);
  }

  /** The events fired for the article with this slug so far, oldest first. */
  public List<ArticleChanged> of(String slug) {
    return events.stream().filter(e -> e.slug().equals(slug)).toList();
  }
}
