package io.stagewatch.report.junit;

import io.stagewatch.report.ReportContext;
import io.stagewatch.report.ReportFile;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.Counts;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code junit.xml} in the Ant/Surefire format that CI servers read: one {@code <testsuite>} per
 * suite, in the order suites first appear in the run, one {@code <testcase>} per check.
 */
public final class JunitXmlReport implements ReportFile {
  public static final String FILE_NAME = "junit.xml";

  /** Ant's schema asks for a timestamp without a zone; it is always UTC here. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(ReportContext context) {
    RunResult result = context.result();
    StringBuilder out = new StringBuilder(2_000 + 100 * result.checks().size());
    XmlOut xml = new XmlOut(out);
    xml.startDocument();
    writeRun(xml, result);
    xml.endDocument();
    return out.toString();
  }

  private static void writeRun(XmlOut xml, RunResult result) {
    Counts counts = result.counts();
    xml.start("testsuites");
    xml.attribute("name", "stagewatch");
    xml.attribute("tests", Integer.toString(counts.total()));
    xml.attribute("failures", Integer.toString(counts.failed()));
    xml.attribute("errors", Integer.toString(counts.error()));
    xml.attribute("time", seconds(result.duration().toMillis()));
    for (Map.Entry<String, List<CheckResult>> suite : bySuite(result.checks()).entrySet()) {
      writeSuite(xml, result.info(), suite.getKey(), suite.getValue());
    }
    xml.end();
  }

  private static Map<String, List<CheckResult>> bySuite(List<CheckResult> checks) {
    Map<String, List<CheckResult>> suites = new LinkedHashMap<>();
    for (CheckResult check : checks) {
      suites.computeIfAbsent(check.suite(), k -> new ArrayList<>()).add(check);
    }
    return suites;
  }

  private static void writeSuite(XmlOut xml, RunInfo info, String name, List<CheckResult> checks) {
    Counts counts = Counts.of(checks);
    xml.start("testsuite");
    xml.attribute("name", name);
    xml.attribute("tests", Integer.toString(counts.total()));
    xml.attribute("failures", Integer.toString(counts.failed()));
    xml.attribute("errors", Integer.toString(counts.error()));
    xml.attribute("skipped", Integer.toString(counts.skipped()));
    // Checks of a suite may run in parallel, so this is the work done, not the wall-clock time.
    xml.attribute("time", seconds(checks.stream().mapToLong(CheckResult::durationMs).sum()));
    xml.attribute("timestamp", TIMESTAMP.format(info.startedAt()));
    writeProperties(xml, info);
    for (CheckResult check : checks) {
      writeCase(xml, check);
    }
    xml.end();
  }

  private static void writeProperties(XmlOut xml, RunInfo info) {
    xml.start("properties");
    property(xml, "environment", info.environment());
    property(xml, "runId", info.runId());
    property(xml, "trigger", info.trigger());
    property(xml, "project", info.project());
    property(xml, "label", info.label());
    xml.end();
  }

  private static void property(XmlOut xml, String name, @Nullable String value) {
    if (value != null) {
      xml.empty("property");
      xml.attribute("name", name);
      xml.attribute("value", value);
    }
  }

  private static void writeCase(XmlOut xml, CheckResult check) {
    if (check.status() == CheckStatus.PASSED && !check.degraded()) {
      xml.empty("testcase");
      caseAttributes(xml, check);
      return;
    }
    xml.start("testcase");
    caseAttributes(xml, check);
    switch (check.status()) {
      case FLAKY -> writeFlaky(xml, check);
      case FAILED -> writeProblem(xml, "failure", check);
      case ERROR -> writeProblem(xml, "error", check);
      case SKIPPED -> writeSkipped(xml, check);
      case PASSED -> writeSystemOut(xml, degradedNote(check));
    }
    xml.end();
  }

  /** A degraded check is a passing test case; its note says so, for the people who read it. */
  private static String degradedNote(CheckResult check) {
    String message = check.message();
    return check.degraded() ? "Degraded: " + (message == null ? "slow" : message) : "";
  }

  private static void writeSystemOut(XmlOut xml, String text) {
    xml.start("system-out");
    xml.text(text);
    xml.end();
  }

  private static void caseAttributes(XmlOut xml, CheckResult check) {
    xml.attribute("name", check.name());
    xml.attribute("classname", check.suite());
    xml.attribute("time", seconds(check.durationMs()));
  }

  private static void writeProblem(XmlOut xml, String element, CheckResult check) {
    xml.start(element);
    String message = check.message();
    if (message != null) {
      xml.attribute("message", oneLine(message));
    }
    xml.attribute("type", check.status().name());
    if (message != null) {
      xml.text(message);
    }
    xml.end();
  }

  private static void writeSkipped(XmlOut xml, CheckResult check) {
    xml.empty("skipped");
    String message = check.message();
    if (message != null) {
      xml.attribute("message", oneLine(message));
    }
  }

  /** A flaky check passed, so CI counts it as a pass; the earlier failure stays visible. */
  private static void writeFlaky(XmlOut xml, CheckResult check) {
    String message = check.message();
    if (message != null) {
      xml.empty("flakyFailure");
      xml.attribute("message", oneLine(message));
      xml.attribute("type", CheckStatus.FLAKY.name());
    }
    String degraded = degradedNote(check);
    writeSystemOut(
        xml,
        "Passed on attempt " + check.attempts() + "." + (degraded.isEmpty() ? "" : " " + degraded));
  }

  /**
   * Parsers turn line breaks in attribute values into spaces anyway; collapsing them here makes the
   * attribute read the same everywhere. The element text keeps the full message.
   */
  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s+", " ");
  }

  /** Seconds with three decimals and no exponent, as the Surefire schema's time pattern wants. */
  static String seconds(long millis) {
    long ms = Math.max(0, millis);
    long fraction = ms % 1_000;
    // Built by hand: a format string per check is a measurable share of writing the file.
    String zeros = fraction < 10 ? "00" : fraction < 100 ? "0" : "";
    return ms / 1_000 + "." + zeros + fraction;
  }
}
