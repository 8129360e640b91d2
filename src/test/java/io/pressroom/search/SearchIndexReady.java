package io.pressroom.search;

import io.pressroom.support.Eventually;
import io.quarkus.arc.Arc;
import java.time.Duration;

/**
 * Waits until this instance's search index answers searches: PostgreSQL answers them (highlighted
 * alike, in more statements) while the index is built at start. Once it is ready, a search also
 * sees every write made here before it.
 */
public final class SearchIndexReady {

  private SearchIndexReady() {}

  public static void await(Duration deadline) {
    SearchIndexer indexer = Arc.container().instance(SearchIndexer.class).get();
    Eventually.within(deadline, () -> indexer.readyIndex() != null, ready -> ready);
  }
}
