package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AbandonedRequestsTest {

  @Test
  void theClientsClosedConnectionIsFoundUnderTheIoExceptionsThatWrapIt() {
    Throwable read =
        new IOException(new IOException(new HttpClosedException("Connection was closed")));
    assertThat(AbandonedRequests.closedByClient(read)).isTrue();
  }

  @Test
  void otherFailuresAreNotTheClientsDoing() {
    assertThat(AbandonedRequests.closedByClient(new IOException("disk full"))).isFalse();
    assertThat(AbandonedRequests.closedByClient(new IllegalStateException(new IOException())))
        .isFalse();
  }

  @Test
  void aChainThatLeadsBackToItselfEnds() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.initCause(second);
    assertThat(AbandonedRequests.closedByClient(first)).isFalse();
  }
}
