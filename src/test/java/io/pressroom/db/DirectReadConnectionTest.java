package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.Test;

/**
 * A direct read outside a transaction (every cache-missed listing, feed, profile and suggestion)
 * gives its connection back to the pool as soon as its rows are read, as a native query does: held
 * to the end of the request, a few slow feeds would take the whole pool (6 connections on 2 cores,
 * {@link PoolSizeDefault}).
 */
@QuarkusTest
class DirectReadConnectionTest {

  @Inject EntityManager entityManager;

  @Test
  void theConnectionGoesBackToThePoolRightAfterTheRead() {
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      List<Row> rows =
          DirectRead.rows(entityManager, "select cast(:n as bigint) + 1 as next", Map.of("n", 41L));

      assertThat(rows)
          .singleElement()
          .satisfies(row -> assertThat(row.getLong("next")).isEqualTo(42));
      SharedSessionContractImplementor session =
          entityManager.unwrap(SharedSessionContractImplementor.class);
      assertThat(session.getJdbcCoordinator().getLogicalConnection().isPhysicallyConnected())
          .as("the session still holds a pooled connection after the read")
          .isFalse();
    } finally {
      request.terminate();
    }
  }
}
