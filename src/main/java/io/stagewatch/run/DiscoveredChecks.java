package io.stagewatch.run;

import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.suite.CheckDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a discovered test plan holds, judged before anything runs: the checks it selects, and
 * whether a run of them may start (a selection of nothing, or a check with an unset variable, is
 * refused).
 */
final class DiscoveredChecks {
  private final TestPlan plan;
  private final Map<UniqueId, CheckDefinition> yamlChecks;

  /**
   * @param yamlChecks the YAML checks by unique id; a test not among them is a Java suite's
   */
  DiscoveredChecks(TestPlan plan, Map<UniqueId, CheckDefinition> yamlChecks) {
    this.plan = plan;
    this.yamlChecks = yamlChecks;
  }

  int count() {
    return (int) plan.countTestIdentifiers(TestIdentifier::isTest);
  }

  /**
   * Refuses a run of nothing, and one with unset variables: it would send wrong requests.
   *
   * @param selection the selection as the command line gave it, for the message
   */
  void refuseToRunUnlessReady(String selection) throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    for (TestIdentifier test : tests()) {
      CheckDefinition check = yamlChecks.get(test.getUniqueIdObject());
      if (check != null) {
        problems.addAll(check.unresolved());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (count() == 0) {
      // A usage error: nothing is run, or printed as if it had been.
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  Location.ofFile("command line"),
                  "",
                  "no check matches the selection" + selection)));
    }
  }

  /** The selected checks, as {@code list} shows them. */
  List<PlannedCheck> planned() {
    List<PlannedCheck> planned = new ArrayList<>();
    for (TestIdentifier test : tests()) {
      CheckDefinition check = yamlChecks.get(test.getUniqueIdObject());
      if (check != null) {
        planned.add(
            new PlannedCheck(check.id(), check.suite(), check.name(), check.tags(), check.kind()));
      } else {
        String suite =
            test.getParentIdObject()
                .map(p -> plan.getTestIdentifier(p).getDisplayName())
                .orElse("");
        planned.add(
            new PlannedCheck(
                suite + "/" + test.getDisplayName(),
                suite,
                test.getDisplayName(),
                test.getTags().stream().map(TestTag::getName).sorted().toList(),
                "java"));
      }
    }
    return planned;
  }

  private List<TestIdentifier> tests() {
    List<TestIdentifier> tests = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(tests::add);
    }
    return tests;
  }
}
