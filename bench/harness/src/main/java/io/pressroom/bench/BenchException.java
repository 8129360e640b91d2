package io.pressroom.bench;

/** Stops the run with a message for the person running it ("[bench] error: ..."). */
final class BenchException extends RuntimeException {
  BenchException(String message) {
    super(message);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
