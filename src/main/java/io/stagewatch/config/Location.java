package io.stagewatch.config;

/** Where a value was written: a file and a 1-based line and column. */
public record Location(String file, int line, int column) {

  /** A location for problems that concern a whole file. */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
