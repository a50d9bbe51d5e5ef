package io.stagewatch.run;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids: version 7 UUIDs (RFC 9562), the start time's milliseconds followed by 74 random bits, so
 * that ids sort by the time their runs started.
 *
 * <p>The random bits come from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}: an id
 * needs to be unique, not unguessable, and the first {@code SecureRandom} of a process is a
 * start-up cost a short run notices.
 */
public final class RunIds {
  private RunIds() {}

  /** A new id for a run that started at {@code startedAt}. */
  public static String next(Instant startedAt) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = startedAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
