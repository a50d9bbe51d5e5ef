package io.stagewatch.readiness;

import java.nio.file.Path;

/** An input file that cannot be read or is not what it should be; the message names the file. */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InputException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public InputException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }

  public InputException(String problem) {
    super(problem);
  }
}
