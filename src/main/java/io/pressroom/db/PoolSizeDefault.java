package io.pressroom.db;

import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The database pool's size when nobody sets {@code quarkus.datasource.jdbc.max-size}: twice the
 * cores this instance sees and two more, at most {@value #MOST} (6 on 2 cores, 16 from 7 cores on,
 * the size it always was before, so that N instances still fit PostgreSQL's {@code max_connections}
 * as the README counts them). PostgreSQL runs one process per connection, and beyond a few
 * statements per core at once they only take turns on the cores, each with its caches gone cold: on
 * the 2-core development machine a pool of 16 spent 15 to 27% more of PostgreSQL's CPU per search
 * page than a pool of 6, and served fewer pages (bench/README.md, "The database pool"). Writes wait
 * on the disk's flush with their connection held, and PostgreSQL flushes the commits that wait
 * together at once, so a few connections per core keep writes going too.
 *
 * <p>Its ordinal sits below every source a person writes (application.properties 250, environment
 * variables 300, system properties 400), so any of them overrides it; application.properties
 * therefore names no size of its own.
 */
public final class PoolSizeDefault implements ConfigSource {

  static final String KEY = "quarkus.datasource.jdbc.max-size";

  static final int MOST = 16;

  private static final int ORDINAL = 150;

  private final String size = String.valueOf(forCores(Runtime.getRuntime().availableProcessors()));

  /** The pool for an instance that sees {@code cores} cores. */
  static int forCores(int cores) {
    return Math.min(MOST, 2 * Math.max(1, cores) + 2);
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    return KEY.equals(propertyName) ? size : null;
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  @Override
  public String getName() {
    return "pressroom-pool-size-default";
  }
}
