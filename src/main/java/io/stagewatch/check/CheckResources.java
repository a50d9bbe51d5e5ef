package io.stagewatch.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Things checks share during one run, created on first use and closed when the run ends: an HTTP
 * client per TLS mode, a connection pool per database. Each kind keys its own resources by type, so
 * adding a kind never touches this class.
 */
public final class CheckResources implements AutoCloseable {
  private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

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
