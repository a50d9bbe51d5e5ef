package io.stagewatch.store;

import io.stagewatch.run.RunResult;
import java.util.Map;

/** Decides, from the stored alert state and a finished run, what to remember and to send. */
@FunctionalInterface
public interface AlertPlanner {

  /**
   * @param previous the environment's alert state before this run, by check id
   */
  AlertUpdate plan(RunResult result, Map<String, AlertState> previous);
}
