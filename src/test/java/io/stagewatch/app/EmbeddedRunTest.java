package io.stagewatch.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Java program embeds a run through {@link RunPipeline} with no picocli on its class path. */
class EmbeddedRunTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  /** The test's class path without picocli and without the command line's classes. */
  static final class WithoutCommandLine extends URLClassLoader {
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    WithoutCommandLine(URL[] urls) {
      super("without-picocli", urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("picocli.") || name.startsWith("io.stagewatch.cli.")) {
        refused.add(name);
        throw new ClassNotFoundException(name + " is not on this class path");
      }
      return super.loadClass(name, resolve);
    }
  }

  static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("picocli")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  @Test
  void aRunIsEmbeddedWithoutPicocli() throws Exception {
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(200)));
    Path config = project();

    String outcome;
    Set<String> refused;
    // JDBC drivers are found once per JVM, through the context class loader at the time: find
    // them for the other tests first, and forget the embedded program's afterwards.
    assertThat(DriverManager.drivers()).isNotEmpty();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (WithoutCommandLine loader = new WithoutCommandLine(classPath())) {
      // The platform finds its engines through the context class loader.
      thread.setContextClassLoader(loader);
      Class<?> program = loader.loadClass(EmbeddedRun.class.getName());
      assertThat(program.getClassLoader()).isSameAs(loader);
      outcome =
          (String)
              program
                  .getMethod("run", Path.class, Path.class, Map.class)
                  .invoke(
                      null,
                      config,
                      dir.resolve("reports"),
                      Map.of("STAGING_URL", staging.baseUrl()));
      refused = Set.copyOf(loader.refused);
      program.getMethod("forgetDrivers").invoke(null);
    } finally {
      thread.setContextClassLoader(previous);
    }

    assertThat(outcome).isEqualTo("passed 6 reports");
    assertThat(refused).isEmpty();
    assertThat(dir.resolve("reports/result.json")).exists();
    assertThat(dir.resolve(".stagewatch/stagewatch.db")).exists();
  }

  @Test
  void theLoaderReallyHasNoPicocli() throws Exception {
    try (WithoutCommandLine loader = new WithoutCommandLine(classPath())) {
      assertThat(
              org.junit.jupiter.api.Assertions.assertThrows(
                  ClassNotFoundException.class, () -> loader.loadClass("picocli.CommandLine")))
          .hasMessageContaining("not on this class path");
    }
  }

  private Path project() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.createDirectories(dir.resolve("suites"));
    Files.writeString(
        dir.resolve("suites/health.yaml"),
        """
        name: health
        checks:
          - {name: up, http: {path: /health}, expect: {status: 200}}
        """);
    Path config = dir.resolve("config/stagewatch.yaml");
    Files.writeString(
        config,
        """
        environments:
          staging: {baseUrl: "${STAGING_URL}"}
        defaults: {timeout: 3s, retry: {attempts: 1}}
        """);
    return config;
  }
}
