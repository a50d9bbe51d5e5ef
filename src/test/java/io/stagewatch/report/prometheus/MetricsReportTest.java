package io.stagewatch.report.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsReportTest {
  /** One sample line of the text format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  final RunResult run = SampleRuns.mixed();
  final String text = new MetricsReport().render(run);

  /** Parses the samples back into {@code name{label=value,...}} (labels sorted) to value. */
  static Map<String, Double> samples(String exposition) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a sample line: %s", line).isTrue();
      StringBuilder key = new StringBuilder(m.group(1));
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        key.append('{');
        while (l.find()) {
          key.append(l.group(1)).append('=').append(l.group(2)).append(',');
        }
        key.setLength(key.length() - 1);
        key.append('}');
      }
      samples.put(key.toString(), Double.valueOf(m.group(4)));
    }
    return samples;
  }

  @Test
  void everyCheckHasItsStatusDurationAndAttempts() {
    Map<String, Double> s = samples(text);

    String failed = "check=create order,environment=staging,schedule=adhoc,suite=checkout}";
    assertThat(s.get("stagewatch_check_up{" + failed)).isEqualTo(0.0);
    assertThat(s.get("stagewatch_check_duration_seconds{" + failed)).isEqualTo(0.88);
    String flaky = "check=login page,environment=staging,schedule=adhoc,suite=staging-health}";
    assertThat(s.get("stagewatch_check_up{" + flaky)).isEqualTo(1.0);
    assertThat(s.get("stagewatch_check_attempts{" + flaky)).isEqualTo(2.0);
    assertThat(s.get("stagewatch_check_silenced{" + flaky)).isEqualTo(0.0);
    assertThat(
            s.get(
                "stagewatch_check_status{check=login page,environment=staging,"
                    + "schedule=adhoc,status=flaky,suite=staging-health}"))
        .isEqualTo(1.0);
    assertThat(s)
        .doesNotContainKey(
            "stagewatch_check_up{check=refund,environment=staging,schedule=adhoc,suite=checkout}");
  }

  @Test
  void theRunTotalsAgreeWithTheCountsOfResultJson() {
    Map<String, Double> s = samples(text);

    assertThat(s.get("stagewatch_run_checks{environment=staging,schedule=adhoc,status=passed}"))
        .isEqualTo(2.0);
    assertThat(s.get("stagewatch_run_checks{environment=staging,schedule=adhoc,status=flaky}"))
        .isEqualTo(1.0);
    assertThat(s.get("stagewatch_run_checks{environment=staging,schedule=adhoc,status=failed}"))
        .isEqualTo(1.0);
    assertThat(s.get("stagewatch_run_checks{environment=staging,schedule=adhoc,status=error}"))
        .isEqualTo(1.0);
    assertThat(s.get("stagewatch_run_checks{environment=staging,schedule=adhoc,status=skipped}"))
        .isEqualTo(1.0);
    assertThat(s.get("stagewatch_run_up{environment=staging,schedule=adhoc}")).isEqualTo(0.0);
    assertThat(s.get("stagewatch_run_duration_seconds{environment=staging,schedule=adhoc}"))
        .isEqualTo(7.25);
    assertThat(s.get("stagewatch_last_run_timestamp_seconds{environment=staging,schedule=adhoc}"))
        .isEqualTo(SampleRuns.FINISHED.toEpochMilli() / 1000.0);
  }

  @Test
  void everyMetricHasHelpAndAType() {
    long metrics = text.lines().filter(l -> l.startsWith("# TYPE ")).count();
    assertThat(metrics).isEqualTo(10);
    assertThat(text.lines().filter(l -> l.startsWith("# HELP ")).count()).isEqualTo(metrics);
  }

  @Test
  void promtoolFindsNoProblem(@TempDir Path tmp) throws IOException, InterruptedException {
    Promtool.assertClean(text, tmp);
  }
}
