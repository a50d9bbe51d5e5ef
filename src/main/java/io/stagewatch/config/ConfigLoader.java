package io.stagewatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@code config/stagewatch.yaml}: parse, interpolate, validate, fill defaults, freeze. Only
 * the selected environment's variables must be set; the other environments are checked for shape
 * but may reference variables that this machine does not have.
 */
public final class ConfigLoader {
  public static final String DEFAULT_SUITES = "suites";

  private final Map<String, String> environmentVariables;

  public ConfigLoader(Map<String, String> environmentVariables) {
    this.environmentVariables = Map.copyOf(environmentVariables);
  }

  /**
   * Loads the file and selects an environment: {@code requested}, else the config's {@code
   * defaultEnvironment}, else the only one.
   */
  public StagewatchConfig load(Path file, @Nullable String requested) throws ConfigException {
    String name = file.toString();
    Problems problems = new Problems();
    String text = readFile(file, problems);
    SecretCollector secrets = new SecretCollector();
    Interpolator interpolator = new Interpolator(environmentVariables, secrets);
    YamlNode root = text == null ? null : YamlTreeReader.read(name, text, problems);
    problems.throwIfAny();
    MapReader r = root == null ? null : MapReader.of(root, "", interpolator, problems);
    problems.throwIfAny();
    StagewatchConfig config = read(file, java.util.Objects.requireNonNull(r), requested);
    problems.throwIfAny();
    if (config == null) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(Location.ofFile(name), "environments", "no usable environment")));
    }
    return config;
  }

  private @Nullable StagewatchConfig read(Path file, MapReader r, @Nullable String requested) {
    String project = r.string("project");
    String defaultEnvironment = r.string("defaultEnvironment");
    MapReader envs = r.child("environments");
    EnvironmentConfig selected = null;
    List<String> names = new ArrayList<>();
    if (envs == null) {
      r.problem("environments", "at least one environment is required");
    } else {
      names.addAll(envs.keys());
      String choice = choose(requested, defaultEnvironment, names, envs);
      for (String env : names) {
        boolean strict = env.equals(choice);
        Interpolator interpolation = strict ? r.interpolator() : lenient(r);
        YamlNode node = envs.node(env);
        MapReader one =
            node == null
                ? null
                : MapReader.of(node, envs.keyPath(env), interpolation, r.problems());
        EnvironmentConfig config = one == null ? null : EnvironmentConfig.read(env, one);
        if (strict) {
          selected = config;
        }
      }
      envs.finish();
    }
    MapReader defaultsReader = r.child("defaults");
    DefaultsConfig defaults =
        defaultsReader == null ? DefaultsConfig.DEFAULT : DefaultsConfig.read(defaultsReader);
    String suites = r.string("suites");
    MapReader storeReader = r.child("store");
    StoreConfig store = storeReader == null ? StoreConfig.DEFAULT : StoreConfig.read(storeReader);
    NotifyConfig notify = readNotify(r, file);
    List<ScheduleConfig> schedules = ScheduleConfig.readAll(r);
    MapReader readinessReader = r.child("readiness");
    ReadinessConfig readiness =
        readinessReader == null ? ReadinessConfig.DEFAULT : ReadinessConfig.read(readinessReader);
    ReadinessConfig.checkSeries(r, readiness, schedules);
    MapReader javaSuitesReader = r.child("javaSuites");
    JavaSuitesConfig javaSuites =
        javaSuitesReader == null
            ? JavaSuitesConfig.DEFAULT
            : JavaSuitesConfig.read(javaSuitesReader, projectFolder(file));
    List<MaintenanceWindow> maintenance = MaintenanceWindow.readAll(r, names);
    r.finish();
    if (selected == null) {
      return null;
    }
    Path suitesDir = suitesDirectory(file, suites != null ? suites : DEFAULT_SUITES);
    return new StagewatchConfig(
        file,
        project,
        selected,
        names,
        defaults,
        suitesDir,
        store,
        notify,
        schedules,
        readiness,
        r.interpolator().secrets().freeze(),
        javaSuites,
        maintenance);
  }

  /**
   * Resolves {@code suites:} against the config file's folder, or, when it is not there, against
   * that folder's parent: the project layout keeps {@code config/stagewatch.yaml} beside {@code
   * suites/}, and the config should work from any working directory (cron starts in $HOME).
   */
  public static Path suitesDirectory(Path configFile, String suites) {
    Path folder = configFile.toAbsolutePath().getParent();
    if (folder == null || Path.of(suites).isAbsolute()) {
      return Path.of(suites).toAbsolutePath().normalize();
    }
    Path beside = folder.resolve(suites).normalize();
    Path parent = folder.getParent();
    if (Files.isDirectory(beside) || parent == null) {
      return beside;
    }
    Path above = parent.resolve(suites).normalize();
    return Files.isDirectory(above) ? above : beside;
  }

  /**
   * The project folder, which holds {@code config/stagewatch.yaml}: the parent of a folder named
   * {@code config}, else the config file's folder. Relative paths of the store and of {@code
   * javaSuites.classpath} are resolved against it, so that cron (which starts in $HOME) and a
   * person in the project folder mean the same files.
   */
  public static Path projectFolder(Path configFile) {
    Path folder = configFile.toAbsolutePath().getParent();
    if (folder == null) {
      return Path.of("").toAbsolutePath();
    }
    Path parent = folder.getParent();
    if (parent != null && folder.endsWith("config")) {
      return parent;
    }
    return folder;
  }

  private static @Nullable String choose(
      @Nullable String requested,
      @Nullable String defaultEnvironment,
      List<String> names,
      MapReader envs) {
    String choice = requested != null ? requested : defaultEnvironment;
    if (choice == null) {
      if (names.size() == 1) {
        return names.get(0);
      }
      envs.problem(
          "several environments and no defaultEnvironment: choose one with -e ("
              + String.join(", ", names)
              + ")");
      return null;
    }
    if (!names.contains(choice)) {
      envs.problem(
          "no environment named '" + choice + "' (defined: " + String.join(", ", names) + ")");
      return null;
    }
    return choice;
  }

  private static NotifyConfig readNotify(MapReader r, Path file) {
    MapReader notify = r.child("notify");
    return notify == null ? NotifyConfig.NONE : NotifyConfig.read(notify, file);
  }

  /**
   * Environments that are not selected are checked for shape, but may use variables this machine
   * does not set: a staging job need not have the production token.
   */
  private Interpolator lenient(MapReader r) {
    return r.interpolator().deferring(new ArrayList<>());
  }

  /** The file's text; null when it is too big or not UTF-8 (the problem recorded). */
  private static @Nullable String readFile(Path file, Problems problems) throws ConfigException {
    try {
      return YamlFile.read(file, "config", problems);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile(file.toString()),
                  "",
                  "config file not found (give one with -c FILE)")));
    } catch (IOException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile(file.toString()), "", "cannot be read: " + e.getMessage())));
    }
  }
}
