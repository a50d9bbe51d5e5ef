package io.stagewatch.config;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable content of {@code config/stagewatch.yaml}, with the selected environment
 * resolved.
 *
 * @param suitesDir where the YAML suites are, resolved against the config file's directory
 * @param secrets every secret met while loading, frozen; {@link #withSecrets} adds the suites
 * @param javaSuites Java suites from outside the jar
 * @param notifications the notification policy and channels; {@link NotifyConfig#NONE} without
 *     {@code notify:}
 * @param maintenance the recurring windows during which notices are held back, of every environment
 */
public record StagewatchConfig(
    Path file,
    @Nullable String project,
    EnvironmentConfig environment,
    List<String> environmentNames,
    DefaultsConfig defaults,
    Path suitesDir,
    StoreConfig store,
    NotifyConfig notifications,
    List<ScheduleConfig> schedules,
    ReadinessConfig readiness,
    Secrets secrets,
    JavaSuitesConfig javaSuites,
    List<MaintenanceWindow> maintenance) {

  public StagewatchConfig {
    environmentNames = List.copyOf(environmentNames);
    schedules = List.copyOf(schedules);
    maintenance = List.copyOf(maintenance);
  }

  /**
   * A config with no file: one environment and defaults everywhere (used by {@code demo}). The
   * environment's credential headers and database passwords are its secrets. A relative {@code
   * suitesDir} that is not a folder here names one on the class path, as {@code demo}'s suites
   * inside the jar.
   */
  public static StagewatchConfig of(EnvironmentConfig environment, Path suitesDir) {
    SecretCollector secrets = new SecretCollector();
    secrets.addEnvironment(environment);
    return new StagewatchConfig(
        Path.of("(built-in)"),
        null,
        environment,
        List.of(environment.name()),
        DefaultsConfig.DEFAULT,
        suitesDir,
        StoreConfig.DEFAULT,
        NotifyConfig.NONE,
        List.of(),
        ReadinessConfig.DEFAULT,
        secrets.freeze(),
        JavaSuitesConfig.DEFAULT,
        List.of());
  }

  /** The same config with other secrets: the config's and those its suites brought. */
  public StagewatchConfig withSecrets(Secrets all) {
    return new StagewatchConfig(
        file,
        project,
        environment,
        environmentNames,
        defaults,
        suitesDir,
        store,
        notifications,
        schedules,
        readiness,
        all,
        javaSuites,
        maintenance);
  }
}
