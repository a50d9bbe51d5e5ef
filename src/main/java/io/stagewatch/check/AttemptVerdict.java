package io.stagewatch.check;

/** The result of one attempt. */
public enum AttemptVerdict {
  /** Every expectation held. */
  PASSED,
  /** The target answered, but an expectation did not hold. */
  FAILED,
  /** The check could not be carried out: timeout, connection refused, bad input at run time. */
  ERROR
}
