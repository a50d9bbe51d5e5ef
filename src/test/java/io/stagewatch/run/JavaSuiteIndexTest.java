package io.stagewatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import io.stagewatch.JavaSuiteCompiler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The build writes the index of the Java suites; runs trust it instead of scanning the jar, so it
 * must say what JUnit Jupiter finds in the compiled classes.
 */
class JavaSuiteIndexTest {
  @TempDir Path dir;

  static final String CART_SUITE =
      """
      package extra;

      import io.stagewatch.suite.jupiter.StagewatchSuite;
      import org.junit.jupiter.api.Tag;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.params.ParameterizedTest;
      import org.junit.jupiter.params.provider.ValueSource;

      @StagewatchSuite
      @Tag("cart")
      public class CartSuite {
        @Test
        void cartOpens() {}

        @Test
        @Tag("slow")
        void checkoutCompletes() {}

        @ParameterizedTest
        @Tag("prices")
        @ValueSource(strings = {"EUR", "USD"})
        void pricesShowIn(String currency) {}
      }
      """;

  @Test
  void theBuiltIndexListsEveryTestJupiterFindsInTheCompiledClassesWithItsTags() throws Exception {
    Path classes =
        Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    TestPlan plan = discover(classes);
    Map<String, List<Set<String>>> found = new HashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier node : plan.getDescendants(root)) {
        if (plan.getChildren(node).isEmpty()) {
          found
              .computeIfAbsent(topLevelClass(node), c -> new ArrayList<>())
              .add(node.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()));
        }
      }
    }

    JavaSuiteIndex index = JavaSuiteIndex.shipped();

    assertThat(found).as("Jupiter finds the shipped suites").isNotEmpty();
    assertThat(index.classNames())
        .as("the index names every class with tests, and only those")
        .containsExactlyInAnyOrderElementsOf(found.keySet());
    for (IndexedSuite suite : index.suites()) {
      assertThat(suite.testTags())
          .as("the tags of each test of " + suite.className())
          .containsExactlyInAnyOrderElementsOf(found.get(suite.className()));
    }
  }

  @Test
  void eachIndexedSuiteNamesItsSourceFileInTheRepositorysSuitesFolder() throws Exception {
    for (IndexedSuite suite : JavaSuiteIndex.shipped().suites()) {
      Path source = Path.of("suites").resolve(suite.source());
      String pkg = suite.className().substring(0, suite.className().lastIndexOf('.'));
      String simpleName = suite.className().substring(pkg.length() + 1);

      assertThat(source).isRegularFile();
      assertThat(Files.readString(source))
          .contains("package " + pkg + ";")
          .containsPattern("class " + simpleName + "\\b");
    }
  }

  @Test
  void aClassAddedUnderSuitesJavaIsIndexedWhenItIsBuilt() throws Exception {
    Path suites = dir.resolve("suites");
    Path classes = dir.resolve("classes");
    JavaSuiteCompiler.compile(suites.resolve("java"), classes, "extra/CartSuite.java", CART_SUITE);
    JavaSuiteCompiler.compile(
        suites.resolve("java"), classes, "extra/Prices.java", "package extra;\nclass Prices {}\n");
    Path output = dir.resolve("out/java-suites.txt");

    withClassesOnContext(
        classes,
        () -> JavaSuiteIndexWriter.main(new String[] {suites.toString(), output.toString()}));

    JavaSuiteIndex index = JavaSuiteIndex.parse(Files.readString(output));
    assertThat(index.suites()).hasSize(1);
    IndexedSuite cart = index.suites().get(0);
    assertThat(cart.className()).isEqualTo("extra.CartSuite");
    assertThat(cart.source()).isEqualTo("java/extra/CartSuite.java");
    assertThat(cart.testTags())
        .containsExactlyInAnyOrder(
            Set.of("cart"), Set.of("cart", "slow"), Set.of("cart", "prices"));
  }

  @Test
  void aSourceFileWhoseClassWasNotCompiledFailsTheBuildNamingTheFile() throws Exception {
    Path suites = dir.resolve("suites");
    Path classes = dir.resolve("classes");
    JavaSuiteCompiler.compile(
        suites.resolve("java"),
        classes,
        "extra/Checkout.java",
        "package extra;\nclass CheckoutSuite {}\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
      assertThatThrownBy(() -> JavaSuiteIndexWriter.index(suites, loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("extra/Checkout.java")
          .hasMessageContaining("no class extra.Checkout");
    }
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    JavaSuiteIndex index =
        new JavaSuiteIndex(
            List.of(
                new IndexedSuite(
                    "a.OneSuite",
                    "java/a/OneSuite.java",
                    List.of(Set.of("smoke", "api"), Set.of())),
                new IndexedSuite("b.TwoSuite", "java/b/TwoSuite.java", List.of(Set.of("db")))));

    assertThat(JavaSuiteIndex.parse(index.format())).isEqualTo(index);
  }

  @Test
  void aSuiteTakesPartOnlyWhereItsSourceIsInTheSuitesFolder() throws Exception {
    JavaSuiteIndex index =
        JavaSuiteIndex.parse(
            """
            a.OneSuite java/a/OneSuite.java smoke
            b.TwoSuite java/b/TwoSuite.java db
            """);
    Files.createDirectories(dir.resolve("suites/java/b"));
    Files.writeString(dir.resolve("suites/java/b/TwoSuite.java"), "package b;");

    assertThat(index.declaredIn(dir.resolve("suites")).classNames()).containsExactly("b.TwoSuite");
    assertThat(index.declaredIn(dir.resolve("elsewhere")).classNames()).isEmpty();
  }

  @Test
  void theJarsOwnCopyOfTheSuitesFolderDeclaresTheShippedSuites() {
    JavaSuiteIndex shipped = JavaSuiteIndex.shipped();

    assertThat(shipped.declaredIn(Path.of("io/stagewatch/shipped/suites")))
        .isEqualTo(shipped)
        .extracting(JavaSuiteIndex::classNames)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .contains("io.stagewatch.suites.OpenApiDocsSuite");
  }

  private static TestPlan discover(Path classes) {
    return LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build())
        .discover(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(classes)))
                .enableImplicitConfigurationParameters(false)
                .build());
  }

  private static String topLevelClass(TestIdentifier node) {
    TestSource source = node.getSource().orElseThrow();
    String name =
        source instanceof MethodSource m ? m.getClassName() : ((ClassSource) source).getClassName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void withClassesOnContext(Path classes, Work work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
      thread.setContextClassLoader(loader);
      work.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
