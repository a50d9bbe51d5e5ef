package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the image without a Docker engine: the Dockerfile builds the way the
 * README says, runs as a non-root user and has the contract's entry point and health check.
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
            "(?m)^ENTRYPOINT \\[\"java\", .*\\n.*\"-jar\", \"/app/stagewatch.jar\"\\]$")
        .contains("-XX:AOTCacheOutput=/app/stagewatch.aot")
        .contains("\"-XX:AOTCache=/app/stagewatch.aot\"")
        .containsPattern("(?m)^HEALTHCHECK .*\\n.*'GET /livez HTTP/1.0")
        .contains("/app/config")
        .contains("/app/suites");
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
