package io.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void withoutColorTheOutputHasNoEscapesAndOneLinePerCheck() {
    String text = run(new ConsoleReporter(out, false), SampleRuns.mixed());

    assertThat(text).doesNotContain("\u001b");
    List<String> lines = text.lines().toList();
    for (var check : SampleRuns.mixed().checks()) {
      assertThat(lines).filteredOn(l -> l.contains(check.id())).hasSize(1);
    }
  }

  @Test
  void eachCheckLineShowsStatusIdDurationAttemptsAndFlags() {
    List<String> lines = run(new ConsoleReporter(out, false), SampleRuns.mixed()).lines().toList();

    assertThat(lines)
        .contains(
            "PASS   staging-health/health endpoint  42 ms  [insecure]",
            "FLAKY  staging-health/login page  1.2 s, 2 attempts",
            "FAIL   checkout/create order  880 ms",
            "ERROR  checkout/payment callback  5.0 s, 3 attempts",
            "SKIP   checkout/refund  0 ms",
            "PASS   staging-health/version  15 ms");
  }

  @Test
  void aFailureIsFollowedByItsMessageIndentedWithoutControlCharacters() {
    String text = run(new ConsoleReporter(out, false), SampleRuns.mixed());

    assertThat(text)
        .contains(
            "FAIL   checkout/create order  880 ms\n"
                + "       expected body to contain \"<ok/>\" & 'done'\n"
                + "       but was: <html>\n");
    assertThat(text).doesNotContain("\u0007");
  }

  @Test
  void longMessagesAreCutToTenLines() {
    StringBuilder message = new StringBuilder();
    for (int i = 1; i <= 14; i++) {
      message.append("line ").append(i).append('\n');
    }
    var check = SampleRuns.check("s", "n", CheckStatus.ERROR, 1, 5, message.toString(), List.of());

    new ConsoleReporter(out, false).checkFinished(check);

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("       line 10\n       ... 4 more lines\n");
    assertThat(text).doesNotContain("line 11");
  }

  @Test
  void theSummaryCountsEveryStatusAndEndsWithTheRunStatus() {
    List<String> lines = run(new ConsoleReporter(out, false), SampleRuns.mixed()).lines().toList();

    assertThat(lines.getLast())
        .isEqualTo("6 checks: 2 passed, 1 flaky, 1 failed, 1 error, 1 skipped in 7.2 s - FAILED");
  }

  @Test
  void withColorStatusWordsAreColoured() {
    String text = run(new ConsoleReporter(out, true), SampleRuns.mixed());

    assertThat(text)
        .contains(
            "\u001b[32mPASS \u001b[0m", "\u001b[31mFAIL \u001b[0m", "\u001b[33mFLAKY\u001b[0m");
  }

  @Test
  void linesOfChecksFinishingOnManyThreadsAreNotInterleaved() throws InterruptedException {
    ConsoleReporter reporter = new ConsoleReporter(out, false);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 200; i++) {
      // Each its own reason: a reason printed before is not printed again.
      var check =
          SampleRuns.check(
              "s", "n", CheckStatus.FAILED, 1, 5, "first " + i + "\nsecond\nthird", List.of());
      pool.execute(() -> reporter.checkFinished(check));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    String block = "FAIL   s/n  5 ms\n       first \\d+\n       second\n       third\n";
    assertThat(bytes.toString(StandardCharsets.UTF_8)).matches("(" + block + "){200}");
  }

  @Test
  void aReasonManyChecksShareIsPrintedOnceAndTheLaterChecksNameTheFirst() {
    ConsoleReporter reporter = new ConsoleReporter(out, false);
    String reason = "cannot get an OAuth2 token from https://id.test/token: HTTP 401";
    reporter.checkFinished(
        SampleRuns.check("api", "a", CheckStatus.ERROR, 1, 5, reason, List.of()));
    reporter.checkFinished(
        SampleRuns.check("api", "b", CheckStatus.ERROR, 1, 5, reason, List.of()));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "ERROR  api/a  5 ms\n       "
                + reason
                + "\nERROR  api/b  5 ms\n       (the same reason as api/a)\n");
  }

  @Test
  void colourIsWantedOnlyOnATerminalWithoutNoColorOrDumbTerm() {
    assertThat(ConsoleReporter.colorWanted(Map.of(), true)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of("TERM", "xterm-256color"), true)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of(), false)).isFalse();
    assertThat(ConsoleReporter.colorWanted(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(ConsoleReporter.colorWanted(Map.of("TERM", "dumb"), true)).isFalse();
  }

  @Test
  void testsRunWithoutATerminalSoColourIsNeverWantedHere() {
    assertThat(ConsoleReporter.colorWanted(Map.of())).isFalse();
  }

  private String run(ConsoleReporter reporter, RunResult result) {
    reporter.runStarted(result.info(), result.checks().size());
    result.checks().forEach(reporter::checkFinished);
    reporter.runFinished(result);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
