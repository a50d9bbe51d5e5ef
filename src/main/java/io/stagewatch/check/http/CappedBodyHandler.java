package io.stagewatch.check.http;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import org.jspecify.annotations.Nullable;

/**
 * Hands each response to a {@link CappedBodySubscriber} and remembers when the headers came, so a
 * timeout can say whether the server never answered or was still sending the body.
 */
final class CappedBodyHandler implements BodyHandler<CappedBody> {
  private final int cap;
  private volatile long headersNanos;
  private volatile @Nullable CappedBodySubscriber subscriber;

  CappedBodyHandler(int cap) {
    this.cap = cap;
  }

  @Override
  public BodySubscriber<CappedBody> apply(ResponseInfo info) {
    CappedBodySubscriber s = new CappedBodySubscriber(cap);
    headersNanos = System.nanoTime();
    subscriber = s;
    return s;
  }

  boolean headersArrived() {
    return subscriber != null;
  }

  /** The {@link System#nanoTime()} at which the headers arrived; meaningful once they have. */
  long headersNanos() {
    return headersNanos;
  }

  long receivedBytes() {
    CappedBodySubscriber s = subscriber;
    return s == null ? 0 : s.receivedBytes();
  }

  void abort() {
    CappedBodySubscriber s = subscriber;
    if (s != null) {
      s.abort();
    }
  }
}
