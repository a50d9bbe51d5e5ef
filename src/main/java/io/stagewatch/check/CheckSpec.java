package io.stagewatch.check;

import java.util.List;

/** A validated, immutable check of one kind, ready to be attempted any number of times. */
public interface CheckSpec {

  /**
   * Carries out one attempt. It must return by {@link CheckContext#deadline()}; the runner also
   * abandons it shortly after. An exception counts as {@link Verdict#ERROR} with its message, but
   * an implementation should turn the failures it knows into a plain-words outcome itself.
   */
  CheckOutcome attempt(CheckContext context) throws Exception;

  /**
   * Things the reports should flag about this check, such as {@code "insecure"} for a check that
   * does not verify TLS certificates.
   */
  default List<String> flags() {
    return List.of();
  }
}
