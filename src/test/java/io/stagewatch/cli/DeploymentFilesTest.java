package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the image without a Docker engine: the Dockerfile builds the way the
 * README says, runs as a non-root user, has the contract's entry point and health check, and
 * carries the OCI labels and the SBOM ({@code scripts/docker-smoke.sh} checks them in a built
 * image).
 */
class DeploymentFilesTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }

  /** The README's first command builds the jar before running the demo. */
  static String readmeBuildCommand() throws IOException {
    Matcher m = Pattern.compile("```sh\\n(\\./mvnw[^&\\n]*?) &&").matcher(read("README.md"));
    assertThat(m.find()).as("the README's build command").isTrue();
    return m.group(1).strip();
  }

  @Test
  void theBuildStageRunsTheReadmesBuildCommand() throws IOException {
    String build = readmeBuildCommand();
    assertThat(build).isEqualTo("./mvnw -B -q package -DskipTests");
    List<String> lines = read("Dockerfile").lines().toList();
    int runtimeStage = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("FROM ")) {
        runtimeStage = i;
      }
    }
    assertThat(lines.subList(0, runtimeStage)).contains("RUN " + build);
  }

  @Test
  void theImageRunsTheJarAsANonRootUserWithAHealthCheck() throws IOException {
    String dockerfile = read("Dockerfile");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
    assertThat(dockerfile)
        .contains("FROM eclipse-temurin:25-jre")
        .containsPattern("(?m)^USER stagewatch$")
        .contains("COPY --from=build /src/target/stagewatch.jar /app/stagewatch.jar")
        .containsPattern(
            "(?m)^ENTRYPOINT \\[\"java\", .*\\n.*\"--enable-native-access=ALL-UNNAMED\","
                + " \\\\\\n *\"-jar\", \"/app/stagewatch.jar\"\\]$")
        .contains("RUN sh /tmp/training/scripts/startup-cache.sh /app/stagewatch.jar")
        .contains("\"-XX:AOTCache=/app/stagewatch.aot\"")
        .containsPattern("(?m)^HEALTHCHECK .*\\n.*'GET /livez HTTP/1.0")
        .contains("/app/config")
        .contains("/app/suites");
  }

  @Test
  void theImageCarriesTheOciLabelsAndTheSbomOfTheBuild() throws IOException {
    String dockerfile = read("Dockerfile");
    String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    for (String arg : List.of("VERSION", "REVISION", "CREATED", "SOURCE")) {
      assertThat(runtimeStage).containsPattern("(?m)^ARG " + arg + "=\\S+$");
    }
    assertThat(runtimeStage).containsPattern("(?m)^ARG SOURCE=https://\\S+$");
    Matcher labels = Pattern.compile("(?m)^LABEL (?:.*\\\\\\n)*.*$").matcher(runtimeStage);
    assertThat(labels.find()).as("a LABEL instruction").isTrue();
    assertThat(labels.group())
        .contains("org.opencontainers.image.source=\"${SOURCE}\"")
        .contains("org.opencontainers.image.version=\"${VERSION}\"")
        .contains("org.opencontainers.image.revision=\"${REVISION}\"")
        .contains("org.opencontainers.image.created=\"${CREATED}\"")
        .contains("org.opencontainers.image.licenses=\"Apache-2.0\"");
    // Without build arguments the version label is still the jar's.
    assertThat(runtimeStage).contains("ARG VERSION=" + pomVersion() + "\n");

    Matcher copy =
        Pattern.compile("(?m)^COPY --from=build /src/target/(\\S+) /app/sbom\\.cdx\\.json$")
            .matcher(runtimeStage);
    assertThat(copy.find()).as("the SBOM copied into the image").isTrue();
    String sbom = "stagewatch-" + pomVersion() + ".cdx.json";
    assertThat(
            FileSystems.getDefault().getPathMatcher("glob:" + copy.group(1)).matches(Path.of(sbom)))
        .as(copy.group(1) + " matches the build's " + sbom)
        .isTrue();
    assertThat(read("pom.xml"))
        .contains("<outputName>stagewatch-${project.version}.cdx</outputName>");
    // The build stage's package makes the release bundle too, which needs these.
    assertThat(dockerfile.substring(0, dockerfile.lastIndexOf("\nFROM ")))
        .containsPattern("(?m)^COPY README.md LICENSE \\./$");
    assertThat(read("scripts/docker-smoke.sh"))
        .contains("org.opencontainers.image.$1")
        .contains("/app/sbom.cdx.json");
  }

  /** The project's version, as the POM declares it. */
  static String pomVersion() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>stagewatch</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(read("pom.xml"));
    assertThat(m.find()).as("the POM's version").isTrue();
    return m.group(1);
  }

  @Test
  void theKubernetesExamplesAreACronJobThatForbidsOverlapAndADaemonDeployment() throws IOException {
    assertThat(read("deploy/cronjob.yaml"))
        .contains("kind: CronJob")
        .contains("concurrencyPolicy: Forbid")
        .contains("args: [\"run\"");
    assertThat(read("deploy/daemon.yaml"))
        .contains("kind: Deployment")
        .contains("args: [\"daemon\"")
        .containsPattern("livenessProbe:\\s+httpGet: \\{path: /livez, port: http}")
        .containsPattern("readinessProbe:\\s+httpGet: \\{path: /readyz, port: http}");
    assertThat(Files.isExecutable(ROOT.resolve("scripts/docker-smoke.sh"))).isTrue();
  }
}
