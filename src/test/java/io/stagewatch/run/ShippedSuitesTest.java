package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.stagewatch.suites.ShippedSuites;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The runner selects the shipped Java suites by class and judges them by a list of their tests'
 * tags: both lists must match the package.
 */
class ShippedSuitesTest {

  @Test
  void listsEveryTestOfTheSuitesPackage() {
    Set<String> inPackage = testIds(List.of(selectPackage("io.stagewatch.suites")));
    Set<String> listed =
        testIds(
            ShippedSuites.CLASSES.stream().map(c -> (DiscoverySelector) selectClass(c)).toList());

    assertThat(inPackage).isNotEmpty();
    assertThat(listed)
        .as("ShippedSuites.CLASSES must name every suite class of io.stagewatch.suites")
        .isEqualTo(inPackage);
  }

  @Test
  void listsTheTagsOfEveryTestAsJupiterSeesThem() {
    TestPlan plan = plan(List.of(selectPackage("io.stagewatch.suites")));
    List<Set<String>> seen =
        plan.getRoots().stream()
            .flatMap(root -> plan.getDescendants(root).stream())
            .filter(TestIdentifier::isTest)
            .map(test -> test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()))
            .toList();

    assertThat(seen).isNotEmpty();
    assertThat(ShippedSuites.TEST_TAGS)
        .as("ShippedSuites.TEST_TAGS must hold the tags of every test of io.stagewatch.suites")
        .containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void listsOnlyClassesOfTheSuitesPackage() {
    assertThat(ShippedSuites.CLASSES)
        .allSatisfy(c -> assertThat(c.getPackageName()).isEqualTo("io.stagewatch.suites"));
  }

  private static Set<String> testIds(List<DiscoverySelector> selectors) {
    TestPlan plan = plan(selectors);
    return plan.getRoots().stream()
        .flatMap(root -> plan.getDescendants(root).stream())
        .filter(TestIdentifier::isTest)
        .map(TestIdentifier::getUniqueId)
        .collect(Collectors.toSet());
  }

  private static TestPlan plan(List<DiscoverySelector> selectors) {
    return LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build())
        .discover(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .enableImplicitConfigurationParameters(false)
                .build());
  }
}
