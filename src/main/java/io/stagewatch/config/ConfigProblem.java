package io.stagewatch.config;

/**
 * One thing wrong with the config or a suite. The message never contains the value of an
 * environment variable: it names the variable instead.
 */
public record ConfigProblem(Location location, String key, String message) {

  @Override
  public String toString() {
    return key.isEmpty() ? location + ": " + message : location + ": " + key + ": " + message;
  }
}
