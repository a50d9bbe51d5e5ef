package io.stagewatch.check.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Keeps at most {@code cap} bytes of a body and then cancels the subscription, which makes the
 * client drop the connection: a server sending forever costs no more memory than the cap.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBody> {
  private final int cap;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
  private final AtomicLong received = new AtomicLong();
  private volatile Flow.@Nullable Subscription subscription;

  CappedBodySubscriber(int cap) {
    this.cap = cap;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int length = item.remaining();
      received.addAndGet(length);
      int room = cap - kept.size();
      if (room > 0) {
        byte[] chunk = new byte[Math.min(room, length)];
        item.get(chunk);
        kept.write(chunk, 0, chunk.length);
      }
    }
    if (received.get() > cap) {
      result.complete(new CappedBody(kept.toByteArray(), true));
      abort();
      return;
    }
    Flow.Subscription s = subscription;
    if (s != null) {
      s.request(1);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new CappedBody(kept.toByteArray(), false));
  }

  @Override
  public CompletionStage<CappedBody> getBody() {
    return result;
  }

  /** Stops reading; the client then closes the connection instead of reusing it. */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** Bytes seen so far, kept or not. */
  long receivedBytes() {
    return received.get();
  }
}
