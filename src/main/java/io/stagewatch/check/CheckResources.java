package io.stagewatch.check;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Things checks share during one run, created on first use and closed when the run ends: an HTTP
 * client per TLS mode, a connection pool per database. Each kind keys its own resources by type, so
 * adding a kind never touches this class. Checks also say here when they first wait on the network
 * ({@link #waitingOnNetwork}).
 */
public final class CheckResources implements AutoCloseable {
  private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();
  private final @Nullable CheckResources lasting;
  private final Clock clock;
  private final Runnable firstNetworkWait;
  private final AtomicBoolean waited = new AtomicBoolean();

  /** The resources of a run made on its own, on the system clock. */
  public CheckResources() {
    this(Clock.systemUTC());
  }

  /**
   * Resources that outlive runs, such as the daemon's: a run's own come and go inside them.
   *
   * @param clock what resources that keep time (a token until it expires) read it from
   */
  public CheckResources(Clock clock) {
    this.lasting = null;
    this.clock = clock;
    this.firstNetworkWait = () -> {};
  }

  /**
   * The resources of one run inside {@code lasting}, whose clock they share.
   *
   * @param firstNetworkWait told once, when the run's first check waits on the network
   */
  public CheckResources(CheckResources lasting, Runnable firstNetworkWait) {
    this.lasting = lasting;
    this.clock = lasting.clock;
    this.firstNetworkWait = firstNetworkWait;
  }

  /**
   * What outlives this run, such as an OAuth2 token the daemon keeps until shortly before it
   * expires: the resources given when the run's were made, else the run's own.
   */
  public CheckResources lasting() {
    return lasting == null ? this : lasting;
  }

  /** The clock of the runs these resources serve. */
  public Clock clock() {
    return clock;
  }

  /**
   * Says that a check has handed a request to the network (or is about to wait for a connection)
   * and now waits for the answer. The first time in a run, the run hears of it: the CPU is free for
   * a while, and work kept back so as not to slow the checks' start (the store's opening) may go
   * ahead. Cheap enough to say at every request.
   */
  public void waitingOnNetwork() {
    if (!waited.get() && !waited.getAndSet(true)) {
      firstNetworkWait.run();
    }
  }

  /** The run's instance of {@code type}, made by {@code factory} the first time it is asked for. */
  public <T> T get(Class<T> type, Supplier<? extends T> factory) {
    return type.cast(byType.computeIfAbsent(type, k -> factory.get()));
  }

  @Override
  public void close() {
    for (Object resource : byType.values()) {
      if (resource instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Closing is best effort at the end of a run; a failure here changes no result.
        }
      }
    }
    byType.clear();
  }
}
