package io.pressroom.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The articles an answer shows, noted by the resource that builds it (the HTTP layer: the data
 * layer never reaches for a request bean), so that a cached copy of the answer can be dropped when
 * one of them changes.
 */
@RequestScoped
public class ResponseDependencies {

  private final Set<Long> articles = new HashSet<>();

  public Set<Long> articles() {
    return articles;
  }

  /** Notes that the current answer shows these articles; the HTTP layer calls it. */
  public void add(Collection<Long> ids) {
    articles.addAll(ids);
  }
}
