package io.stagewatch.report.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's alert rules, as users copy them: Prometheus's own tool accepts them, and its rule
 * unit tests show the smoke alert firing on an hour of failed runs and not on a passing one.
 */
class AlertRulesTest {
  private static final Pattern RULES = Pattern.compile("(?ms)^```yaml\\n(groups:\\n.*?)^```$");

  @TempDir Path dir;

  static String readmeRules() throws IOException {
    Matcher block = RULES.matcher(Files.readString(Path.of("README.md")));
    assertThat(block.find()).as("a ```yaml block of alert rules in the README").isTrue();
    return block.group(1);
  }

  @Test
  void promtoolAcceptsTheReadmesRules() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yml"), readmeRules());

    String output = Promtool.assertAccepts("check", "rules", rules.toString());

    assertThat(output).contains("SUCCESS: 3 rules found");
  }

  @Test
  void theSmokeAlertFiresAfterAnHourOfFailedRunsOnly() throws Exception {
    Files.writeString(dir.resolve("rules.yml"), readmeRules());
    Path tests =
        Files.writeString(
            dir.resolve("rules-test.yml"),
            """
            rule_files: [rules.yml]
            evaluation_interval: 1m
            tests:
              - interval: 10m
                input_series:
                  - series: 'stagewatch_run_up{environment="staging",schedule="smoke"}'
                    values: '1 0 0 0 0 0 0 0 0'
                  - series: 'stagewatch_run_up{environment="staging",schedule="db"}'
                    values: '0 0 0 0 0 0 0 0 0'
                alert_rule_test:
                  - eval_time: 30m
                    alertname: StagingSmokeDown
                    exp_alerts: []
                  - eval_time: 75m
                    alertname: StagingSmokeDown
                    exp_alerts:
                      - exp_labels: {severity: page, environment: staging, schedule: smoke}
                        exp_annotations:
                          summary: "Every smoke run on staging failed for an hour"
            """);

    Promtool.assertAccepts("test", "rules", tests.toString());
  }
}
