package io.stagewatch.cli;

import io.stagewatch.app.ProjectStore;
import io.stagewatch.config.ConfigLoader;
import io.stagewatch.store.ResultStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A project folder in a temp dir and the real CLI entry point run against it. */
final class CliRun {
  /** A suite of one check: {@code GET /health} answers 200. */
  static final String ONE_HEALTH_CHECK =
      """
      name: health
      checks:
        - name: up
          http: {path: /health}
          expect: {status: 200}
      """;

  final Path dir;
  final Map<String, String> environment = new HashMap<>();

  /** The clock the commands run on: the system's, unless a test moves time itself. */
  Clock clock = Clock.systemUTC();

  String out = "";
  String err = "";

  CliRun(Path dir) {
    this.dir = dir;
  }

  CliRun config(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/stagewatch.yaml"), yaml);
    return this;
  }

  CliRun suite(String fileName, String yaml) throws IOException {
    Files.createDirectories(dir.resolve("suites"));
    Files.writeString(dir.resolve("suites").resolve(fileName), yaml);
    return this;
  }

  CliRun env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Path configFile() {
    return dir.resolve("config/stagewatch.yaml");
  }

  /** The project's store, opened from its config as every command opens it. */
  ResultStore openStore() throws Exception {
    return ProjectStore.open(new ConfigLoader(environment).load(configFile(), null), clock);
  }

  /** Runs the commands on {@code clock}, which the test moves (a {@code TestClock}). */
  CliRun clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  Path reportDir() {
    return dir.resolve("reports");
  }

  String report(String name) throws IOException {
    return Files.readString(reportDir().resolve(name));
  }

  /**
   * The files the commands wrote (reports, the store, anything but {@code config/} and {@code
   * suites/}) that hold one of {@code texts}, read byte for byte.
   */
  List<Path> writtenFilesHolding(String... texts) throws IOException {
    List<Path> holding = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.startsWith(dir.resolve("config")) || file.startsWith(dir.resolve("suites"))) {
          continue;
        }
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (Arrays.stream(texts).anyMatch(bytes::contains)) {
          holding.add(file);
        }
      }
    }
    return holding;
  }

  /** Runs a command with {@code -c} pointing at this project (when the command takes one). */
  int run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      code = Main.execute(args, environment, o, e, clock);
    }
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** {@code run} with this project's config and report dir. */
  int runChecks(String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "run";
    args[1] = "-c";
    args[2] = configFile().toString();
    args[3] = "--report-dir";
    args[4] = reportDir().toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return run(args);
  }
}
