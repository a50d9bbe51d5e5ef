package io.stagewatch.app;

import io.stagewatch.config.ReadinessConfig;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.notify.Delivery;
import io.stagewatch.notify.Notifier;
import io.stagewatch.notify.github.PullRequest;
import io.stagewatch.notify.github.PullRequestComment;
import io.stagewatch.readiness.Component;
import io.stagewatch.readiness.ComponentInput;
import io.stagewatch.readiness.CoverageReport;
import io.stagewatch.readiness.InputException;
import io.stagewatch.readiness.JunitReports;
import io.stagewatch.readiness.QualityInput;
import io.stagewatch.readiness.ReadinessCache;
import io.stagewatch.readiness.ReadinessMarkdown;
import io.stagewatch.readiness.ReadinessResult;
import io.stagewatch.readiness.ReadinessScore;
import io.stagewatch.readiness.SarifReport;
import io.stagewatch.readiness.StagingHistory;
import io.stagewatch.readiness.Verdict;
import io.stagewatch.store.ResultStore;
import io.stagewatch.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The release readiness score and gate from CI's reports and the staging series in the store, as
 * {@code stagewatch readiness} computes them; and the notice of a release that is not ready to the
 * channels.
 */
public final class ReleaseReadiness {
  private ReleaseReadiness() {}

  /**
   * What the score is computed from.
   *
   * @param junit JUnit XML files or folders; empty when not given
   * @param threshold the gate's threshold; null for {@code readiness.threshold}
   */
  public record Inputs(
      List<Path> junit,
      @Nullable Path coverage,
      @Nullable Path security,
      @Nullable String quality,
      @Nullable Double threshold) {
    public Inputs {
      junit = List.copyOf(junit);
    }
  }

  /** Thrown when the staging series cannot be read from the store; its message is masked. */
  public static final class StoreUnreadable extends Exception {
    private static final long serialVersionUID = 1L;

    StoreUnreadable(String message) {
      super(message);
    }
  }

  /**
   * The result of the inputs and, with a config, of its staging series.
   *
   * @param config null when there is no config: then staging is missing and the gate not applied
   * @throws InputException when an input file is missing or not what it should be
   * @throws StoreUnreadable when the store cannot be read
   */
  public static ReadinessResult evaluate(
      @Nullable StagewatchConfig config, Inputs inputs, ReadinessCache cache, Clock clock)
      throws InputException, StoreUnreadable {
    ReadinessConfig settings = config == null ? ReadinessConfig.DEFAULT : config.readiness();
    StagingHistory staging = config == null ? null : staging(config, clock);
    ReadinessScore score =
        ReadinessScore.of(components(settings, inputs, staging), settings.weights());
    double limit = inputs.threshold() != null ? inputs.threshold() : settings.threshold();
    Verdict verdict = Verdict.of(score, limit, staging, settings.stagingGate());
    return new ReadinessResult(score, verdict, clock.instant(), cache.previous());
  }

  /**
   * Sends the notice of a release that is not ready to every configured channel that sends
   * readiness notices (PagerDuty does not), one after the other.
   *
   * @return why it was not sent, per channel, masked; empty when every channel got it
   */
  public static List<String> notifyChannels(
      ReadinessResult result, @Nullable StagewatchConfig config) {
    if (config == null || config.notifications().channels().isEmpty()) {
      return List.of("--notify needs notify.channels in the config; nothing was sent");
    }
    List<String> problems = new ArrayList<>();
    for (Notifier notifier : Notifiers.notifiers(config)) {
      try (notifier) {
        Optional<String> message = notifier.renderReadiness(result, config.project());
        if (message.isEmpty()) {
          continue;
        }
        Delivery delivery = notifier.send(message.get());
        if (delivery.outcome() != Delivery.Outcome.SENT) {
          problems.add(
              notifier.name()
                  + ": the readiness notice was not delivered: "
                  + config.secrets().mask(String.valueOf(delivery.error())));
        }
      }
    }
    return problems;
  }

  /**
   * Puts the readiness Markdown on the workflow's pull request as stagewatch's one comment there
   * (edited when it exists). Returns the line to print: what was done, or why nothing was.
   *
   * @param number the pull request, or null for the one the workflow's event names
   */
  public static PostedComment commentOnPullRequest(
      ReadinessResult result, Map<String, String> environment, @Nullable Integer number) {
    PullRequest pull;
    try {
      pull = PullRequest.fromEnvironment(environment, number);
    } catch (PullRequest.NotFound e) {
      return new PostedComment(false, "--github-comment: " + e.getMessage() + "; nothing posted");
    }
    try {
      PullRequestComment.Posted posted =
          new PullRequestComment(pull).post(ReadinessMarkdown.render(result));
      return new PostedComment(
          true,
          "GitHub: readiness comment "
              + (posted == PullRequestComment.Posted.CREATED ? "added to " : "updated on ")
              + pull
              + ".");
    } catch (PullRequestComment.PostFailed e) {
      return new PostedComment(false, "the readiness comment was not posted: " + e.getMessage());
    }
  }

  /** What {@link #commentOnPullRequest} did: a line for the output, or a problem. */
  public record PostedComment(boolean posted, String line) {}

  private static StagingHistory staging(StagewatchConfig config, Clock clock)
      throws StoreUnreadable {
    try (ResultStore store = ProjectStore.open(config, clock)) {
      return ProjectStore.staging(store, config);
    } catch (StoreException e) {
      throw new StoreUnreadable(
          "the staging history cannot be read: " + config.secrets().maskedMessage(e));
    }
  }

  private static List<ComponentInput> components(
      ReadinessConfig settings, Inputs in, @Nullable StagingHistory staging) throws InputException {
    List<ComponentInput> inputs = new ArrayList<>();
    inputs.add(
        in.junit().isEmpty()
            ? ComponentInput.missing(Component.CI, "no --junit given")
            : JunitReports.read(in.junit(), settings.window()));
    Path coverage = in.coverage();
    inputs.add(
        coverage == null
            ? ComponentInput.missing(Component.COVERAGE, "no --coverage given")
            : CoverageReport.read(coverage));
    Path security = in.security();
    inputs.add(
        security == null
            ? ComponentInput.missing(Component.SECURITY, "no --security given")
            : SarifReport.read(Component.SECURITY, security));
    String quality = in.quality();
    inputs.add(
        quality == null
            ? ComponentInput.missing(Component.QUALITY, "no --quality given")
            : QualityInput.read(quality));
    inputs.add(
        staging == null
            ? ComponentInput.missing(Component.STAGING, "no config, so no store")
            : staging.input());
    return inputs;
  }
}
