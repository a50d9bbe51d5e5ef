package io.stagewatch.check;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Things checks share during one run, created on first use and closed when the run ends: an HTTP
 * client per TLS mode, a connection pool per database. Each kind keys its own resources by type, so
 * adding a kind never touches this class.
 */
public final class CheckResources implements AutoCloseable {
  private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();
  private final @Nullable CheckResources lasting;
  private final Clock clock;

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
  }

  /** The resources of one run inside {@code lasting}, whose clock they share. */
  public CheckResources(CheckResources lasting) {
    this.lasting = lasting;
    this.clock = lasting.clock;
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
