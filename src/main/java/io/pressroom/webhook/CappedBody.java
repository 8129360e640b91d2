package io.pressroom.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a response body and then cancels the rest, which closes the connection:
 * a receiver answering with an endless body costs one small buffer and no more time.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int cap;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int cap) {
    this.cap = Math.max(0, cap);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cap == 0) {
      finish();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), cap - kept.size());
      byte[] bytes = new byte[take];
      buffer.get(bytes);
      kept.write(bytes, 0, take);
      if (kept.size() >= cap) {
        finish();
        return;
      }
    }
    subscription.request(1);
  }

  private void finish() {
    subscription.cancel();
    body.complete(kept.toByteArray());
  }

  @Override
  public void onError(Throwable error) {
    // A connection dropped after the status arrived still leaves an answer: keep what came.
    body.complete(kept.toByteArray());
  }

  @Override
  public void onComplete() {
    body.complete(kept.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
