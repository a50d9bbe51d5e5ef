package io.stagewatch.cli;

import io.stagewatch.app.ProjectTemplate;
import io.stagewatch.app.ProjectTemplate.GitIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code init [DIR]}: a working project for a team's own repository. */
final class InitCommand implements Callable<Integer> {
  /** What each written file is, as the command's output and help say it. */
  private static final Map<String, String> ABOUT =
      Map.of(
          "config/stagewatch.yaml",
          "the config: environment staging at STAGING_URL, a schedule named smoke",
          "suites/health.yaml",
          "health checks: /health, /healthz, /api/health, / and /openapi.json",
          "suites/database.yaml",
          "database checks, commented out until the config names a database",
          "schemas/stagewatch-config.schema.json",
          "the config's JSON Schema, for editors",
          "schemas/stagewatch-suite.schema.json",
          "the suites' JSON Schema, for editors");

  /** The width of the file names in the list of what was written. */
  private static final int NAME_WIDTH =
      ProjectTemplate.FILES.stream().mapToInt(String::length).max().orElse(0) + 1;

  private static final String STAGING = "STAGING_URL=https://...";

  private final StagewatchCommand root;
  final CommandSpec spec = CommandSpecs.command(this, "init");

  private final PositionalParamSpec directory =
      PositionalParamSpec.builder()
          .paramLabel("DIR")
          .arity("0..1")
          .type(Path.class)
          .defaultValue(".")
          .description("The project folder, made if missing (default: the current folder).")
          .build();

  InitCommand(StagewatchCommand root) {
    this.root = root;
    spec.addPositional(directory);
    spec.usageMessage()
        .header("Write a project of your own: a config and suites to start from.")
        .description(
            "Writes a working stagewatch project into DIR, the root of your repository:",
            "",
            "  config/stagewatch.yaml   the config: the environment staging at",
            "                           STAGING_URL, defaults, a schedule named smoke",
            "  suites/health.yaml       health checks: /health, /healthz, /api/health,",
            "                           / and /openapi.json",
            "  suites/database.yaml     database checks, commented out until the config",
            "                           names a database",
            "  schemas/                 the JSON Schemas of the config and the suites,",
            "                           which the first line of each names for editors",
            "  .gitignore               a line for .stagewatch/ (the run history); made",
            "                           if missing",
            "",
            "The files are commented: read them, then change the suites to what your",
            "service serves. Nothing is overwritten: if one of these files exists",
            "(.gitignore aside), nothing is written and the exit code is 2.",
            "",
            "Next steps:",
            "  " + STAGING + " stagewatch validate -c DIR/" + ProjectTemplate.CONFIG,
            "  " + STAGING + " stagewatch run -c DIR/" + ProjectTemplate.CONFIG,
            "",
            "Examples:",
            "  stagewatch init",
            "  stagewatch init staging-checks");
  }

  @Override
  public Integer call() throws IOException {
    Path dir = directory.getValue();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      root.err.println("stagewatch: init: " + dir + " is not a folder; nothing was written");
      return ExitCodes.USAGE;
    }
    List<String> existing = ProjectTemplate.existing(dir);
    if (!existing.isEmpty()) {
      root.err.println("stagewatch: init: these files exist in " + shown(dir) + ":");
      existing.forEach(file -> root.err.println("  " + file));
      root.err.println("Nothing was written. Move them away, or give init another folder.");
      return ExitCodes.USAGE;
    }
    GitIgnore gitignore = ProjectTemplate.write(dir);
    root.out.println("Wrote a stagewatch project in " + shown(dir) + ":");
    ProjectTemplate.FILES.forEach(file -> root.out.println(line(file)));
    root.out.println("  " + padded(".gitignore") + gitignoreLine(gitignore));
    String config = dir.normalize().resolve(ProjectTemplate.CONFIG).toString();
    root.out.println();
    root.out.println("Next, with your staging's address:");
    root.out.println("  " + STAGING + " stagewatch validate -c " + config);
    root.out.println("  " + STAGING + " stagewatch run -c " + config);
    return ExitCodes.PASSED;
  }

  private static String line(String file) {
    return "  " + padded(file) + ABOUT.get(file);
  }

  private static String padded(String name) {
    return name + " ".repeat(Math.max(1, NAME_WIDTH - name.length()));
  }

  private static String gitignoreLine(GitIgnore gitignore) {
    return switch (gitignore) {
      case CREATED -> "created, ignoring .stagewatch/ (the run history)";
      case APPENDED -> "now ignores .stagewatch/ (the run history)";
      case ALREADY_IGNORED -> "already ignores .stagewatch/, left as it was";
    };
  }

  private static String shown(Path dir) {
    Path normal = dir.normalize();
    return normal.toString().isEmpty() ? "the current folder" : normal.toString();
  }
}
