package io.stagewatch.check.sql;

import io.stagewatch.check.CheckResources;
import io.stagewatch.config.DatabaseConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database pools of one run: one per named database of the environment, opened on first use and
 * closed with the run's {@link CheckResources}.
 */
public final class Databases implements AutoCloseable {
  /**
   * Closing waits this long at most: a pool still trying to reach a host that never answers would
   * otherwise hold the end of the run until its login timeout.
   */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final Map<String, DatabaseConfig> configs;
  private final Duration defaultBudget;
  private final Map<String, DatabasePool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param defaultBudget the timeouts of pools first used outside a check (by a Java suite)
   */
  public Databases(Map<String, DatabaseConfig> configs, Duration defaultBudget) {
    this.configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    this.defaultBudget = defaultBudget;
  }

  /** The run's databases, made from {@code configs} if the run has none yet. */
  public static Databases of(
      CheckResources resources, Map<String, DatabaseConfig> configs, Duration defaultBudget) {
    return resources.get(Databases.class, () -> new Databases(configs, defaultBudget));
  }

  /** The configured names, in config order. */
  public Set<String> names() {
    return configs.keySet();
  }

  /** Read-only data sources for Java suites, by name; each opens its pool on first use. */
  public Map<String, DataSource> dataSources() {
    Map<String, DataSource> out = new LinkedHashMap<>();
    for (String name : configs.keySet()) {
      out.put(name, new ReadOnlyDataSource(name, () -> pool(name, defaultBudget)));
    }
    return out;
  }

  /** The pool of a configured database, opened with {@code budget} if it is the first use. */
  @Nullable DatabasePool pool(String name, Duration budget) {
    DatabaseConfig config = configs.get(name);
    if (config == null) {
      return null;
    }
    if (closed) {
      throw new IllegalStateException("the run has ended; its database pools are closed");
    }
    return pools.computeIfAbsent(name, n -> DatabasePool.open(config, budget));
  }

  /** Open connections over all pools. */
  int openConnections() {
    return pools.values().stream().mapToInt(DatabasePool::openConnections).sum();
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    List<Thread> closing = new ArrayList<>();
    for (DatabasePool pool : pools.values()) {
      closing.add(Thread.ofVirtual().name("close-" + pool.name()).start(pool::close));
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (Thread thread : closing) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        thread.join(Duration.ofNanos(left));
      }
    }
    pools.clear();
  }
}
