package io.pressroom.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
  private TestDatabase() {}
}
