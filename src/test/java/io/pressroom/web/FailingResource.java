package io.pressroom.web;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint that fails the way a bug would, to see what a client gets. */
@Path("/test-only/failure")
public class FailingResource {

  @GET
  @PermitAll
  @Operation(hidden = true)
  public String fail() {
    throw new IllegalStateException("secret internals: org.postgresql SELECT * FROM accounts");
  }

  /**
   * Fails as a statement does when PostgreSQL has gone away (SQLSTATE 08006), wrapped as JPA does.
   */
  @GET
  @Path("database-gone")
  @PermitAll
  @Operation(hidden = true)
  public String databaseGone() {
    throw new PersistenceException(
        "could not execute statement",
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
  }
}
