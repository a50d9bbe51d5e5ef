package io.stagewatch.release;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end in a folder, with its output (stdout and stderr together). */
record BundleProcess(int exit, String output) {
  /** Only against a hang: a demo or a run of the example suites takes seconds. */
  private static final long LIMIT_SECONDS = 180;

  static BundleProcess run(Path folder, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    File log = Files.createTempFile("stagewatch-bundle", ".log").toFile();
    try {
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command))
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log);
      // The launcher's own settings (such as STAGEWATCH_JAR) would point it elsewhere.
      builder.environment().keySet().removeIf(name -> name.startsWith("STAGEWATCH_"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            String.join(" ", command) + " did not end:\n" + Files.readString(log.toPath()));
      }
      return new BundleProcess(process.exitValue(), Files.readString(log.toPath()));
    } finally {
      Files.deleteIfExists(log.toPath());
    }
  }
}
