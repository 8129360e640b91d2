package io.pressroom.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The articles an answer shows, noted while it is built, so that a cached copy of the answer can be
 * dropped when one of them changes.
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

  /**
   * Notes that the current answer shows these articles; outside a request it does nothing. For code
   * that cannot have the bean injected; a resource calls {@link #add} instead.
   */
  public static void articles(Collection<Long> ids) {
    ArcContainer container = Arc.container();
    if (container != null && container.requestContext().isActive()) {
      // Through a method: fields of the client proxy are not the request's instance.
      container.instance(ResponseDependencies.class).get().add(ids);
    }
  }
}
