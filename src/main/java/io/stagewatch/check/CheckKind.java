package io.stagewatch.check;

import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.MapReader;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One kind of check, named by its key in a suite file ({@code http:}, {@code sql:}). Adding a kind
 * means writing one of these and listing it in {@link io.stagewatch.check.kinds.CheckKinds}.
 */
public interface CheckKind {

  /** The key that selects this kind in a suite file. */
  String key();

  /**
   * Reads the kind's own map and the check's {@code expect:} map (null when absent). Problems go to
   * the readers' problem list with their locations; returns null when the check is unusable.
   */
  @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect);

  /**
   * What this kind's resources give a run's Java suites: named read-only data sources (the sql
   * kind's pools, shared with its checks); none by default.
   *
   * @param timeout {@code defaults.timeout}, the budget of a pool opened for a Java suite
   */
  default Map<String, DataSource> dataSources(
      CheckResources resources, EnvironmentConfig environment, Duration timeout) {
    return Map.of();
  }
}
