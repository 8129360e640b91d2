package io.pressroom.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/**
 * Plays another instance on the same database: its transaction writes rows with plain SQL (no event
 * of this instance fires) and announces a change to public listings on the invalidation channel,
 * delivered here when it commits, as {@code InvalidationNotifier} would send it.
 */
@ApplicationScoped
public class AnotherInstance {

  private final EntityManager entityManager;

  AnotherInstance(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Runs {@code write} and announces "listings changed" in one committed transaction. */
  public void writesListings(Consumer<EntityManager> write) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              write.accept(entityManager);
              entityManager
                  .createNativeQuery(
                      "select pg_notify('pressroom_invalidation', 'v1 another-instance listings')")
                  .getSingleResult();
            });
  }
}
