package io.stagewatch.check;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt of a check found, with a message in plain words when it did not pass.
 *
 * @param permanent whether no retry can change this outcome (a wrong password, a certificate that
 *     does not verify, a request that cannot be built): the check is then not tried again
 * @param captured the values a passing attempt captured for the later checks of its suite, by name
 * @param degraded whether a pass was slower than the check's {@code degradedResponseTime}: still a
 *     pass, shown as a warning; the message then says how slow it was
 * @param certificateExpiry when the TLS certificate the target presented expires, for the checks
 *     that saw one (tls, https); null otherwise
 */
public record CheckOutcome(
    AttemptVerdict verdict,
    @Nullable String message,
    boolean permanent,
    Map<String, String> captured,
    boolean degraded,
    @Nullable Instant certificateExpiry) {
  private static final CheckOutcome PASS = new CheckOutcome(AttemptVerdict.PASSED, null);

  public CheckOutcome {
    captured = Map.copyOf(captured);
  }

  /** An outcome that captured nothing and is not degraded. */
  public CheckOutcome(AttemptVerdict verdict, @Nullable String message, boolean permanent) {
    this(verdict, message, permanent, Map.of(), false, null);
  }

  /** An outcome that a later attempt may change. */
  public CheckOutcome(AttemptVerdict verdict, @Nullable String message) {
    this(verdict, message, false);
  }

  public static CheckOutcome passed() {
    return PASS;
  }

  /**
   * A pass slower than the check's {@code degradedResponseTime}.
   *
   * @param message how slow it was, and the bound: the alert about it quotes this
   */
  public static CheckOutcome degraded(String message) {
    return new CheckOutcome(AttemptVerdict.PASSED, message, false, Map.of(), true, null);
  }

  public static CheckOutcome failed(String message) {
    return new CheckOutcome(AttemptVerdict.FAILED, message);
  }

  /**
   * An expectation did not hold, and trying again cannot change that before the run is long over: a
   * certificate that expires too soon does not renew itself between retries.
   */
  public static CheckOutcome permanentFailure(String message) {
    return new CheckOutcome(AttemptVerdict.FAILED, message, true);
  }

  public static CheckOutcome error(String message) {
    return new CheckOutcome(AttemptVerdict.ERROR, message);
  }

  /**
   * The check could not be carried out, for a reason that trying again cannot change: say so only
   * when the same request would be refused the same way however often it is repeated.
   */
  public static CheckOutcome permanentError(String message) {
    return new CheckOutcome(AttemptVerdict.ERROR, message, true);
  }

  /** The same outcome with another message, such as the masked one. */
  public CheckOutcome withMessage(String newMessage) {
    return new CheckOutcome(verdict, newMessage, permanent, captured, degraded, certificateExpiry);
  }

  /** The same outcome, recording when the target's certificate expires. */
  public CheckOutcome withCertificateExpiry(Instant expiry) {
    return new CheckOutcome(verdict, message, permanent, captured, degraded, expiry);
  }

  /** A pass that captured {@code values}. */
  public static CheckOutcome passedCapturing(Map<String, String> values) {
    return new CheckOutcome(AttemptVerdict.PASSED, null, false, values, false, null);
  }

  public boolean isPassed() {
    return verdict == AttemptVerdict.PASSED;
  }
}
