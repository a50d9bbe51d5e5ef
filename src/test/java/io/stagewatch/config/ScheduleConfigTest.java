package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleConfigTest {
  static final String ENVIRONMENTS =
      """
      environments:
        staging: {baseUrl: "http://localhost:8080"}
      """;

  @TempDir Path dir;

  Path write(String schedules) throws IOException {
    Files.createDirectories(dir.resolve("suites"));
    return Files.writeString(dir.resolve("stagewatch.yaml"), ENVIRONMENTS + schedules);
  }

  List<String> problems(String schedules) throws IOException {
    Path file = write(schedules);
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(Map.of()).load(file, null));
    assertThat(e).as("expected the config to be rejected").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void cronAndEverySchedulesLoad() throws Exception {
    Path file =
        write(
            """
            schedules:
              - {name: smoke, suites: ["*"], tags: smoke, cron: "0 */4 * * *", timeZone: Europe/Berlin}
              - {name: health, suites: [health], every: 15m, jitter: 30s}
            """);
    StagewatchConfig config = new ConfigLoader(Map.of()).load(file, null);
    assertThat(config.schedules())
        .containsExactly(
            new ScheduleConfig(
                "smoke", List.of("*"), "smoke", "0 */4 * * *", "Europe/Berlin", null, null),
            new ScheduleConfig(
                "health",
                List.of("health"),
                null,
                null,
                null,
                Duration.ofMinutes(15),
                Duration.ofSeconds(30)));
  }

  @Test
  void aBadCronExpressionOrTimeZoneIsNamedWithItsLine() throws IOException {
    List<String> problems =
        problems(
            """
            schedules:
              - name: fast
                cron: "0 */4 * *"
                suites: ["*"]
              - name: slow
                suites: [health]
                cron: "0 4 * * *"
                timeZone: Mars/Olympus
            """);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .contains(":5:")
        .contains("schedules[0].cron")
        .contains("expected a 5-field cron expression");
    assertThat(problems.get(1)).contains(":10:").contains("timeZone").contains("Mars/Olympus");
  }
}
