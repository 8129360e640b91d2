package io.pressroom.web;

import io.vertx.core.http.HttpClosedException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Requests whose client hung up before the server had read them: a phone that lost its network
 * halfway through a comment's upload, a tab closed during a sign-in. Reading the body then fails
 * with Vert.x's {@link HttpClosedException}, wrapped in I/O exceptions. Nothing went wrong on our
 * side and nobody is left to answer, so such a failure is no server error: it is neither logged as
 * one (any client could otherwise write a stack trace to the log at will, as fast as it can open
 * connections) nor counted as a 5xx in the metrics operators alert on.
 */
final class AbandonedRequests {

  private AbandonedRequests() {}

  /** Whether {@code failure}, or a cause of it, is the client's connection closing. */
  static boolean closedByClient(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }
}
