package io.pressroom.db;

import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a failure raised by PostgreSQL means for the client, by its SQLSTATE class: a write that
 * lost a race for a unique value is a conflict, a value the database cannot hold is a bad request,
 * a deadlock or a serialization failure is worth retrying, a lost connection is an outage. Checks
 * in services come first; this is the backstop that keeps such failures from becoming 500s.
 */
public final class DatabaseFailures {

  // SQLSTATE class 08: connection exception.
  private static final String CONNECTION_FAILURE = "08000";

  private DatabaseFailures() {}

  /**
   * The problem to answer for the first SQL failure in the cause chain of {@code failure}, if any.
   */
  public static Optional<ProblemException> classify(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return answer(sql.getSQLState());
      }
      if (cause instanceof SQLException sql && poolExhausted(sql)) {
        return answer(CONNECTION_FAILURE);
      }
    }
    return Optional.empty();
  }

  /**
   * The pool (Agroal) found no connection within quarkus.datasource.jdbc.acquisition-timeout: the
   * database is unreachable or every connection is busy. Agroal says so in a message only, with no
   * SQLSTATE.
   */
  private static boolean poolExhausted(SQLException failure) {
    return failure.getMessage() != null && failure.getMessage().contains("acquisition timeout");
  }

  static Optional<ProblemException> answer(String sqlState) {
    if (sqlState.equals("23505")) {
      return Optional.of(
          new ProblemException(
              ProblemType.CONFLICT,
              "Another request took the same unique value at the same moment; this one was not"
                  + " saved."));
    }
    if (sqlState.startsWith("22")) {
      return Optional.of(
          new ProblemException(
              ProblemType.BAD_REQUEST,
              "A value in the request is out of the range that can be stored."));
    }
    if (sqlState.equals("40001") || sqlState.equals("40P01")) {
      return Optional.of(
          ProblemException.unavailable(
              "The request collided with another one and was not saved; send it again.", 1));
    }
    if (sqlState.startsWith("08")
        || sqlState.equals("57P01")
        || sqlState.equals("57P02")
        || sqlState.equals("57P03")
        || sqlState.equals("53300")) {
      // Shut down by an admin or a crash, starting up, or out of connections (a reconnect storm).
      return Optional.of(
          ProblemException.unavailable(
              "The database is not reachable right now; try again shortly.", 5));
    }
    return Optional.empty();
  }
}
