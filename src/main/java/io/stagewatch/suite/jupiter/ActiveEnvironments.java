package io.stagewatch.suite.jupiter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The environments of the runs in progress, by run id. The runner registers one before it starts
 * the Launcher and passes the id as a configuration parameter; Jupiter can only hand strings to
 * extensions, and the environment holds objects.
 */
public final class ActiveEnvironments {
  /** The configuration parameter that carries the run id. */
  public static final String RUN_ID_PARAMETER = "stagewatch.run.id";

  private static final Map<String, StagingEnvironment> BY_RUN = new ConcurrentHashMap<>();

  private ActiveEnvironments() {}

  public static void register(String runId, StagingEnvironment environment) {
    BY_RUN.put(runId, environment);
  }

  public static void unregister(String runId) {
    BY_RUN.remove(runId);
  }

  static @Nullable StagingEnvironment get(String runId) {
    return BY_RUN.get(runId);
  }
}
