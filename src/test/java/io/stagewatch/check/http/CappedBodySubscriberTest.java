package io.stagewatch.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CappedBodySubscriberTest {

  /** Counts what the subscriber asks of the publisher. */
  private static final class CountingSubscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static List<ByteBuffer> bytes(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aBodyWithinTheCapIsKeptWhole() throws Exception {
    CappedBodySubscriber subscriber = new CappedBodySubscriber(10);
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);

    subscriber.onNext(bytes("hello"));
    subscriber.onNext(bytes("world"));
    subscriber.onComplete();

    CappedBody body = subscriber.getBody().toCompletableFuture().get();
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("helloworld");
    assertThat(body.truncated()).isFalse();
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void aBodyPastTheCapKeepsOnlyTheCapAndCancelsTheSubscription() throws Exception {
    CappedBodySubscriber subscriber = new CappedBodySubscriber(8);
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);

    subscriber.onNext(bytes("12345"));
    subscriber.onNext(bytes("67890"));
    subscriber.onNext(bytes("ignored after the cap"));

    CappedBody body = subscriber.getBody().toCompletableFuture().get();
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("12345678");
    assertThat(body.truncated()).isTrue();
    assertThat(subscription.cancelled).isTrue();
    assertThat(subscription.requested).as("no more asked for after the cap").isEqualTo(2);
  }

  @Test
  void sizesAreShownInPlainUnits() {
    assertThat(CappedBody.size(512)).isEqualTo("512 bytes");
    assertThat(CappedBody.size(2048)).isEqualTo("2 KB");
    assertThat(CappedBody.size(1024 * 1024)).isEqualTo("1 MiB");
    assertThat(CappedBody.size(1536 * 1024)).isEqualTo("1.5 MiB");
  }
}
