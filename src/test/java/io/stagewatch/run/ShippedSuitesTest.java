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
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The runner selects the shipped Java suites by class: the list must match the package. */
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
  void listsOnlyClassesOfTheSuitesPackage() {
    assertThat(ShippedSuites.CLASSES)
        .allSatisfy(c -> assertThat(c.getPackageName()).isEqualTo("io.stagewatch.suites"));
  }

  private static Set<String> testIds(List<DiscoverySelector> selectors) {
    TestPlan plan =
        LauncherFactory.create(
                LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .build())
            .discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .enableImplicitConfigurationParameters(false)
                    .build());
    return plan.getRoots().stream()
        .flatMap(root -> plan.getDescendants(root).stream())
        .filter(TestIdentifier::isTest)
        .map(TestIdentifier::getUniqueId)
        .collect(Collectors.toSet());
  }
}
