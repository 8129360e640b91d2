package io.pressroom.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements the application prepares (Hibernate statistics, test profile). */
@ApplicationScoped
public class SqlStatements {

  private final EntityManagerFactory factory;

  SqlStatements(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** Runs {@code action} and returns how many statements were prepared meanwhile. */
  public long countDuring(Runnable action) {
    Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    action.run();
    return statistics.getPrepareStatementCount();
  }
}
