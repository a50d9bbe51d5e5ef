package io.stagewatch.check;

import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.Secrets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A validated, immutable check of one kind, ready to be attempted any number of times. */
public interface CheckSpec {

  /**
   * Carries out one attempt. It must return by {@link CheckContext#deadline()}; the runner also
   * abandons it shortly after. An exception counts as {@link AttemptVerdict#ERROR} with its
   * message, but an implementation should turn the failures it knows into a plain-words outcome
   * itself.
   */
  CheckOutcome attempt(CheckContext context) throws Exception;

  /**
   * Whether {@link #attempt} returns by the context's deadline on its own: every wait in it is
   * bounded by the deadline, and nothing in it can block past it. The runner then calls it on the
   * check's own thread; otherwise each attempt gets a thread that the runner abandons shortly after
   * the deadline, which costs a thread and a timed wait more per attempt.
   */
  default boolean keepsItsDeadline() {
    return false;
  }

  /**
   * Things the reports should flag about this check, such as {@code "insecure"} for a check that
   * does not verify TLS certificates.
   */
  default List<String> flags() {
    return List.of();
  }

  /**
   * Why this check cannot be carried out against {@code environment} at all (it is then SKIPPED),
   * or null. For a condition of the environment, not of the target: a database check in an
   * environment that has no databases.
   */
  default @Nullable String unavailableIn(EnvironmentConfig environment) {
    return null;
  }

  /**
   * The same check taking {@code captures} from a passing attempt's response ({@link
   * CheckOutcome#captured}), or null when this kind has nothing to capture from.
   */
  default @Nullable CheckSpec capturing(List<Capture> captures) {
    return null;
  }

  /**
   * The check with the values captured by earlier checks of its suite filled in for its {@link
   * io.stagewatch.config.CaptureReference references}. A header that carries credentials by its
   * name is learned by {@code secrets} with its value filled in.
   */
  default CheckSpec withValues(Map<String, String> values, Secrets secrets) {
    return this;
  }
}
