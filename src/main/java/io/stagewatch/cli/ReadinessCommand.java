package io.stagewatch.cli;

import io.stagewatch.app.ReleaseReadiness;
import io.stagewatch.config.ConfigException;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.readiness.InputException;
import io.stagewatch.readiness.ReadinessCache;
import io.stagewatch.readiness.ReadinessJson;
import io.stagewatch.readiness.ReadinessMarkdown;
import io.stagewatch.readiness.ReadinessResult;
import io.stagewatch.readiness.ReadinessText;
import io.stagewatch.report.GitHubActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code readiness}: the release readiness score from CI reports and staging, and the gate. */
final class ReadinessCommand implements Callable<Integer> {
  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "readiness");
  private final ConfigOptions config = new ConfigOptions(spec);

  private final OptionSpec junit =
      CommandSpecs.repeatable(
              Path.class,
              "PATH",
              "JUnit XML file, directory of them, or directory of CI run folders (the last"
                  + " readiness.window are read). Repeatable.",
              "--junit")
          .build();

  private final OptionSpec coverage =
      CommandSpecs.valued(Path.class, "FILE", "JaCoCo or Cobertura XML.", "--coverage").build();

  private final OptionSpec security =
      CommandSpecs.valued(Path.class, "FILE", "SARIF from a security scanner.", "--security")
          .build();

  private final OptionSpec quality =
      CommandSpecs.valued(
              String.class,
              "FILE|NUMBER",
              "SARIF from linters, or a number from 0 to 100.",
              "--quality")
          .build();

  private final OptionSpec threshold =
      CommandSpecs.valued(
              Double.class,
              "N",
              "Ready at or above this score (default: readiness.threshold, 90).",
              "--threshold")
          .build();

  private final OptionSpec json =
      CommandSpecs.flag("Print JSON for machines instead of the table.", "--json");

  private final OptionSpec markdown =
      CommandSpecs.valued(
              Path.class,
              "FILE",
              "Also write a release readiness dashboard section in Markdown.",
              "--markdown")
          .build();

  private final OptionSpec notify =
      CommandSpecs.flag(
          "Tell the configured channels (notify.channels; not PagerDuty) when the release is not"
              + " ready.",
          "--notify");

  private final OptionSpec githubComment =
      CommandSpecs.flag(
          "Post the result as one comment on the workflow's pull request, edited on later"
              + " runs (needs GITHUB_TOKEN; the pull request comes from the workflow's event or"
              + " --pr).",
          "--github-comment");

  private final OptionSpec pullRequest =
      CommandSpecs.valued(Integer.class, "N", "The pull request --github-comment posts on.", "--pr")
          .build();

  ReadinessCommand(StagewatchCommand root) {
    this.root = root;
    spec.addOption(junit)
        .addOption(coverage)
        .addOption(security)
        .addOption(quality)
        .addOption(threshold)
        .addOption(json)
        .addOption(markdown)
        .addOption(notify)
        .addOption(githubComment)
        .addOption(pullRequest);
    spec.usageMessage()
        .header("Compute the release readiness score and gate on it.")
        .description(
            "Scores CI pass rate (JUnit XML), line coverage (JaCoCo or Cobertura XML),",
            "security (SARIF), code quality (SARIF or 0-100) and the staging pass rate",
            "from the store, weighted 40/30/20/10/0 by default (readiness.weights).",
            "Bands: 95+ excellent, 90-94.9 good, 80-89.9 fair, below 80 poor. A missing",
            "input's weight is shared among the present ones. When the latest staging",
            "run failed the verdict is not ready whatever the score (readiness.stagingGate).",
            "",
            "Examples:",
            "  stagewatch readiness --junit target/surefire-reports \\",
            "      --coverage target/site/jacoco/jacoco.xml \\",
            "      --security semgrep.sarif --quality 92",
            "  stagewatch readiness --junit ci-runs/ --json | jq .score",
            "  stagewatch readiness --junit target/surefire-reports --github-comment",
            "")
        .footer(
            "",
            "Exit codes: 0 ready (score at or above the threshold), 1 not ready, 2 usage,",
            "configuration or input file error, 3 the store cannot be read.");
  }

  @Override
  public Integer call() throws ConfigException {
    @Nullable Double threshold = this.threshold.getValue();
    if (threshold != null && (threshold < 0 || threshold > 100)) {
      root.err.println("stagewatch: --threshold must be from 0 to 100");
      return ExitCodes.USAGE;
    }
    StagewatchConfig loaded = loadConfig();
    ReadinessCache cache = new ReadinessCache(baseDir(loaded));
    ReleaseReadiness.Inputs inputs =
        new ReleaseReadiness.Inputs(
            junit.getValue(),
            coverage.getValue(),
            security.getValue(),
            quality.getValue(),
            threshold);
    ReadinessResult result;
    try {
      result = ReleaseReadiness.evaluate(loaded, inputs, cache, root.clock);
    } catch (ReleaseReadiness.StoreUnreadable e) {
      root.err.println("stagewatch: " + e.getMessage());
      return ExitCodes.INTERNAL;
    } catch (InputException e) {
      root.err.println("stagewatch: readiness: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    root.out.print(
        json.<Boolean>getValue() ? ReadinessJson.render(result) : ReadinessText.render(result));
    if (notify.<Boolean>getValue() && !result.verdict().ready()) {
      // A notice that cannot be sent is reported; it never changes the verdict or the exit code.
      ReleaseReadiness.notifyChannels(result, loaded)
          .forEach(problem -> root.err.println("stagewatch: " + problem));
    }
    if (githubComment.<Boolean>getValue()) {
      // Like the channels' notice: a comment that cannot be posted never changes the exit code.
      ReleaseReadiness.PostedComment comment =
          ReleaseReadiness.commentOnPullRequest(result, root.environment, pullRequest.getValue());
      if (!comment.posted()) {
        root.err.println("stagewatch: " + comment.line());
      } else if (json.<Boolean>getValue()) {
        root.err.println(comment.line());
      } else {
        root.out.println(comment.line());
      }
    }
    return write(result, cache);
  }

  private int write(ReadinessResult result, ReadinessCache cache) {
    String section = ReadinessMarkdown.render(result);
    @Nullable Path markdown = this.markdown.getValue();
    try {
      if (markdown != null) {
        Files.writeString(markdown, section, StandardCharsets.UTF_8);
      }
      GitHubActions.publish(section, ReadinessMarkdown.outputs(result), root.environment);
    } catch (IOException e) {
      root.err.println("stagewatch: the readiness result cannot be written: " + e);
      return ExitCodes.INTERNAL;
    }
    try {
      cache.save(result);
    } catch (IOException e) {
      // The trend is a nicety: a read-only checkout must still be able to gate a release.
      root.err.println("stagewatch: note: " + cache.file() + " cannot be written: " + e);
    }
    return result.verdict().ready() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /**
   * The config when there is one. The readiness score is useful in a CI job that has no stagewatch
   * config: then the default config file may be absent, and staging is simply missing.
   */
  private @Nullable StagewatchConfig loadConfig() throws ConfigException {
    if (!config.configGiven() && !Files.exists(config.config())) {
      return null;
    }
    return new ConfigLoader(root.environment).load(config.config(), config.environment());
  }

  private static Path baseDir(@Nullable StagewatchConfig loaded) {
    return loaded == null ? Path.of("") : ConfigLoader.projectFolder(loaded.file());
  }
}
