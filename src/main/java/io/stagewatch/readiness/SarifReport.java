package io.stagewatch.readiness;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 0–100 component from a SARIF 2.1 log (Bandit, Semgrep, SpotBugs, CodeQL, linters): {@code
 * max(0, 100 − 25·errors − 10·warnings − 2·notes)}, so one error costs a quarter, four errors or
 * ten warnings bring it to 0, and a clean log is 100.
 *
 * <p>A result's level is its own {@code level}, else its rule's {@code defaultConfiguration.level},
 * else {@code warning} (SARIF's default). Results at level {@code none}, results with a suppression
 * and results whose {@code baselineState} is {@code absent} (fixed since the baseline) are not
 * counted.
 *
 * <p>Only the log of a scan that completed is scored: a run whose tool says it failed ({@code
 * invocations[].executionSuccessful: false}), that reports a tool execution error ({@code
 * invocations[].toolExecutionNotifications} at level {@code error}) or that has no {@code results}
 * array, and a log without runs, are input errors. Scoring them would read a broken scan as a clean
 * one.
 */
public final class SarifReport {
  static final int ERROR_COST = 25;
  static final int WARNING_COST = 10;
  static final int NOTE_COST = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How much of a tool's own message an error quotes; the rest is in the file. */
  private static final int QUOTE_LIMIT = 200;

  private SarifReport() {}

  /** Findings by level. */
  public record Findings(int errors, int warnings, int notes) {
    public double score() {
      return Math.max(0, 100.0 - ERROR_COST * errors - WARNING_COST * warnings - NOTE_COST * notes);
    }

    @Override
    public String toString() {
      return errors + " error, " + warnings + " warning, " + notes + " note";
    }
  }

  public static ComponentInput read(Component component, Path file) throws InputException {
    Findings findings = findings(file);
    return new ComponentInput(component, file.toString(), findings.score(), findings + " (SARIF)");
  }

  static Findings findings(Path file) throws InputException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new InputException(file, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(file, "cannot be read: " + e, e);
    }
    if (root == null || !root.path("runs").isArray()) {
      throw new InputException(file, "not a SARIF log: no \"runs\" array");
    }
    requireCompleteScan(file, root.path("runs"));
    int[] counts = new int[3];
    for (JsonNode run : root.path("runs")) {
      Map<String, String> ruleLevels = ruleLevels(run);
      for (JsonNode result : run.path("results")) {
        if (!counted(result)) {
          continue;
        }
        String level = result.path("level").asText(ruleLevel(result, ruleLevels));
        switch (level) {
          case "error" -> counts[0]++;
          case "warning" -> counts[1]++;
          case "note" -> counts[2]++;
          case "none" -> {}
          default ->
              throw new InputException(file, "a result has the unknown level '" + level + "'");
        }
      }
    }
    return new Findings(counts[0], counts[1], counts[2]);
  }

  /** Refuses a log that does not record a scan that ran to its end. */
  private static void requireCompleteScan(Path file, JsonNode runs) throws InputException {
    if (runs.isEmpty()) {
      throw new InputException(file, "the log records no scan: \"runs\" is empty");
    }
    int index = 0;
    for (JsonNode run : runs) {
      index++;
      String name =
          "run " + index + " (" + run.path("tool").path("driver").path("name").asText("?") + ")";
      for (JsonNode invocation : run.path("invocations")) {
        String error = firstExecutionError(invocation);
        if (invocation.path("executionSuccessful").isBoolean()
            && !invocation.path("executionSuccessful").asBoolean()) {
          throw new InputException(
              file,
              "the scan did not complete: "
                  + name
                  + " says executionSuccessful: false"
                  + (error == null ? "" : ": " + error));
        }
        if (error != null) {
          throw new InputException(
              file,
              "the scan did not complete: " + name + " reports a tool execution error: " + error);
        }
      }
      if (!run.path("results").isArray()) {
        throw new InputException(
            file, "the log records no scan: " + name + " has no \"results\" array");
      }
    }
  }

  /**
   * The message of the invocation's first tool execution notification at level {@code error} (a
   * notification's level defaults to {@code warning}), on one line; null when there is none.
   */
  private static @Nullable String firstExecutionError(JsonNode invocation) {
    for (JsonNode notification : invocation.path("toolExecutionNotifications")) {
      if (notification.path("level").asText("warning").equals("error")) {
        String text = notification.path("message").path("text").asText("").strip();
        String line = text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        if (line.isEmpty()) {
          return "(no message)";
        }
        return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "...";
      }
    }
    return null;
  }

  private static boolean counted(JsonNode result) {
    return result.path("suppressions").isEmpty()
        && !result.path("baselineState").asText("").equals("absent");
  }

  private static Map<String, String> ruleLevels(JsonNode run) {
    Map<String, String> levels = new HashMap<>();
    JsonNode rules = run.path("tool").path("driver").path("rules");
    int index = 0;
    for (JsonNode rule : rules) {
      String level = rule.path("defaultConfiguration").path("level").asText("warning");
      levels.put("#" + index++, level);
      if (rule.hasNonNull("id")) {
        levels.put(rule.get("id").asText(), level);
      }
    }
    return levels;
  }

  private static String ruleLevel(JsonNode result, Map<String, String> ruleLevels) {
    String byIndex =
        result.has("ruleIndex") ? ruleLevels.get("#" + result.get("ruleIndex").asInt()) : null;
    if (byIndex != null) {
      return byIndex;
    }
    return ruleLevels.getOrDefault(result.path("ruleId").asText(""), "warning");
  }
}
