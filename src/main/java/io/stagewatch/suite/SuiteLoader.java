package io.stagewatch.suite;

import io.stagewatch.check.Capture;
import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.kinds.CheckKinds;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.DefaultsConfig;
import io.stagewatch.config.Interpolator;
import io.stagewatch.config.Location;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.Problems;
import io.stagewatch.config.RetryConfig;
import io.stagewatch.config.YamlNode;
import io.stagewatch.config.YamlTreeReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestTag;

/**
 * Reads suite files into {@link SuiteDefinition}s, collecting every problem of every file. A
 * check's unset variables are recorded on the check rather than failing the load, so that selecting
 * other checks still works; running such a check is refused. Problems that only follow from an
 * unset variable (the value counts as absent) are left out for the same reason.
 */
public final class SuiteLoader {
  private static final String EXPECT = "expect";

  private final DefaultsConfig defaults;
  private final Interpolator interpolator;

  public SuiteLoader(DefaultsConfig defaults, Interpolator interpolator) {
    this.defaults = defaults;
    this.interpolator = interpolator;
  }

  public List<SuiteDefinition> load(List<SuiteSource> sources, Problems problems) {
    List<SuiteDefinition> suites = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (SuiteSource source : sources) {
      YamlNode root = YamlTreeReader.read(source.fileName(), source.text(), problems);
      MapReader r = root == null ? null : MapReader.of(root, "", interpolator, problems);
      SuiteDefinition suite = r == null ? null : readSuite(r);
      if (suite == null) {
        continue;
      }
      Location first = seen.putIfAbsent(suite.name(), suite.location());
      if (first != null) {
        problems.add(
            suite.location(), "name", "suite '" + suite.name() + "' is also defined at " + first);
      } else {
        suites.add(suite);
      }
    }
    return suites;
  }

  private @Nullable SuiteDefinition readSuite(MapReader r) {
    String name = oneLine(r, r.requiredString("name"));
    List<String> tags = tags(r);
    r.node("description");
    List<CheckDefinition> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, String> capturedBy = new HashMap<>();
    if (!r.has("checks")) {
      r.problem("checks", "required key is missing");
    }
    for (MapReader check : r.children("checks")) {
      CheckDefinition definition =
          readCheck(name == null ? "" : name, tags, check, names, capturedBy);
      if (definition != null) {
        checks.add(definition);
      }
    }
    r.finish();
    if (name != null && name.contains("/")) {
      r.problem("name", "a suite name cannot contain '/'");
    }
    return name == null ? null : new SuiteDefinition(name, tags, checks, r.location());
  }

  private @Nullable CheckDefinition readCheck(
      String suite,
      List<String> suiteTags,
      MapReader raw,
      Set<String> namesSoFar,
      Map<String, String> capturedBy) {
    List<ConfigProblem> unresolved = new ArrayList<>();
    // The check's problems are sorted out below: those that only follow from an unset variable
    // (a value that counts as absent) must not fail the load.
    Problems own = new Problems();
    Set<String> used = new LinkedHashSet<>();
    MapReader r =
        raw.with(interpolator.deferring(unresolved).capturing(capturedBy.keySet(), used), own);
    String name = oneLine(r, r.requiredString("name"));
    if (name != null && !namesSoFar.add(name)) {
      r.problem("name", "duplicate check name '" + name + "' in this suite");
      name = null;
    }
    List<String> tags = withOwnTags(suiteTags, tags(r));
    r.node("description");
    Duration timeout = r.duration("timeout");
    MapReader retryReader = r.child("retry");
    RetryConfig retry =
        retryReader == null ? defaults.retry() : RetryConfig.read(retryReader, defaults.retry());
    List<String> kinds = new ArrayList<>(1);
    for (String key : r.keys()) {
      if (CheckKinds.byKey(key).isPresent()) {
        kinds.add(key);
      }
    }
    CheckSpec spec = null;
    String kind = null;
    if (kinds.size() != 1) {
      r.problem(
          "a check needs exactly one of: "
              + String.join(", ", CheckKinds.keys())
              + (kinds.isEmpty() ? "" : " (found " + String.join(", ", kinds) + ")"));
      CheckKinds.keys().forEach(r::node);
      r.node(EXPECT);
    } else {
      kind = kinds.get(0);
      spec = readSpec(r, CheckKinds.byKey(kind).orElseThrow());
    }
    List<Capture> captures = CaptureReader.read(r);
    if (!captures.isEmpty() && spec != null) {
      spec = spec.capturing(captures);
      if (spec == null) {
        r.problem("capture", "a " + kind + " check has no response to capture from");
      }
    }
    Map<String, String> uses = new LinkedHashMap<>();
    used.forEach(v -> uses.put(v, Objects.requireNonNullElse(capturedBy.get(v), "")));
    if (name != null) {
      for (Capture capture : captures) {
        capturedBy.put(capture.name(), name);
      }
    }
    if (name != null && name.isBlank()) {
      r.problem("name", "must not be empty");
    }
    r.finish();
    List<ConfigProblem> kept = new ArrayList<>(own.all().size());
    for (ConfigProblem p : own.all()) {
      if (!followsFromUnset(p, unresolved, r.path())) {
        kept.add(p);
      }
    }
    kept.forEach(p -> raw.problems().add(p.location(), p.key(), p.message()));
    if (name == null
        || kind == null
        || (spec == null && (!kept.isEmpty() || unresolved.isEmpty()))) {
      if (kept.isEmpty()) {
        // A check that cannot be built must not vanish silently: its unset variables say why.
        unresolved.forEach(p -> raw.problems().add(p.location(), p.key(), p.message()));
      }
      return null;
    }
    return new CheckDefinition(
        suite,
        name,
        tags,
        kind,
        timeout != null ? timeout : defaults.timeout(),
        retry,
        spec != null ? spec : notRunnable(unresolved),
        r.location(),
        unresolved,
        captures,
        uses);
  }

  /**
   * Whether a problem only follows from an unset variable: it is about the very value, or about a
   * map or list within the check that holds it (such as "expected a path or an url" when the path
   * was unset).
   */
  private static boolean followsFromUnset(
      ConfigProblem problem, List<ConfigProblem> unresolved, String checkPath) {
    String key = problem.key();
    if (key.isEmpty() || key.equals(checkPath)) {
      return false;
    }
    return unresolved.stream()
        .map(ConfigProblem::key)
        .anyMatch(u -> u.equals(key) || u.startsWith(key + ".") || u.startsWith(key + "["));
  }

  /** Stands in for a check whose unset variables left it incomplete; the runner never runs it. */
  private static CheckSpec notRunnable(List<ConfigProblem> unresolved) {
    String reason = "not run: " + unresolved.get(0).message();
    return context -> CheckOutcome.error(reason);
  }

  private static @Nullable CheckSpec readSpec(MapReader r, CheckKind kind) {
    String key = kind.key();
    YamlNode written = r.node(key);
    if (!(written instanceof YamlNode.YamlMap)) {
      // One problem that says what was written, not the reader's "expected a map" and this too.
      r.problem(key, "expected a map of " + key + " settings, got " + shown(r, key, written));
      return null;
    }
    MapReader spec = r.child(key);
    MapReader expect = r.child(EXPECT);
    return spec == null ? null : kind.read(spec, expect);
  }

  /**
   * {@code '/health'} for a value (masked where it is a secret), {@code a list}, or {@code
   * nothing}.
   */
  private static String shown(MapReader r, String key, @Nullable YamlNode written) {
    if (written instanceof YamlNode.YamlScalar scalar) {
      String text = scalar.text();
      return text == null ? "nothing" : "'" + r.shown(key, text) + "'";
    }
    return written == null ? "nothing" : written.describe();
  }

  /** The suite's tags followed by the check's own; the suite's very list when it has none. */
  private static List<String> withOwnTags(List<String> suiteTags, List<String> own) {
    if (own.isEmpty()) {
      return suiteTags;
    }
    Set<String> tags = new LinkedHashSet<>(suiteTags);
    tags.addAll(own);
    return List.copyOf(tags);
  }

  private static List<String> tags(MapReader r) {
    return List.copyOf(r.stringList("tags", SuiteLoader::problemWithTag));
  }

  private static @Nullable String problemWithTag(String tag) {
    String problem = OneLine.problemWith(tag);
    if (problem != null || TestTag.isValid(tag)) {
      return problem;
    }
    return "'" + tag + "' is not a valid tag (no blanks, commas, ( ) & | or !)";
  }

  /** The name, or null when it is not one line of text (the problem recorded at {@code name}). */
  private static @Nullable String oneLine(MapReader r, @Nullable String name) {
    String problem = name == null ? null : OneLine.problemWith(name);
    if (problem != null) {
      r.problem("name", problem);
      return null;
    }
    return name;
  }
}
