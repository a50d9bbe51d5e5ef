package io.stagewatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A new project for a team's own repository, as {@code stagewatch init} writes it: a commented
 * config for one environment at {@code ${STAGING_URL}} with a schedule named {@code smoke}, the
 * shipped health suite, a database suite whose checks wait commented out, the JSON Schemas of the
 * config and the suites, and {@code .stagewatch/} (the run history) in {@code .gitignore}. The
 * files come from the jar, so this works wherever the jar runs. Nothing that exists is overwritten.
 */
public final class ProjectTemplate {
  /**
   * The files written, relative to the project folder, in the order they are written. The YAML
   * files name their JSON Schema on their first line, relative to themselves, for editors.
   */
  public static final List<String> FILES =
      List.of(
          "config/stagewatch.yaml",
          "suites/health.yaml",
          "suites/database.yaml",
          "schemas/stagewatch-config.schema.json",
          "schemas/stagewatch-suite.schema.json");

  /** The config file, relative to the project folder. */
  public static final String CONFIG = FILES.get(0);

  static final String GITIGNORE = ".gitignore";

  /** The line that keeps the SQLite store out of git. */
  public static final String IGNORED = ".stagewatch/";

  private static final List<String> IGNORED_SPELLINGS =
      List.of(IGNORED, ".stagewatch", "/.stagewatch/", "/.stagewatch", ".stagewatch/*");

  private static final String RESOURCES = "io/stagewatch/app/init/";

  /** A project name the config can hold as it is: a folder name of this shape is taken. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private static final String TEMPLATE_PROJECT = "project: my-service";

  /** What became of {@code .gitignore}. */
  public enum GitIgnore {
    CREATED,
    APPENDED,
    ALREADY_IGNORED
  }

  private ProjectTemplate() {}

  /** The files of {@link #FILES} that exist in {@code dir} already. */
  public static List<String> existing(Path dir) {
    return FILES.stream().filter(file -> Files.exists(dir.resolve(file))).toList();
  }

  /**
   * Writes the project into {@code dir}, creating folders as needed.
   *
   * @throws java.nio.file.FileAlreadyExistsException when one of {@link #FILES} exists; check
   *     {@link #existing} first, as files written before it stay
   */
  public static GitIgnore write(Path dir) throws IOException {
    for (String file : FILES) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, content(dir, file), StandardOpenOption.CREATE_NEW);
    }
    return ignoreStore(dir.resolve(GITIGNORE));
  }

  private static String content(Path dir, String file) throws IOException {
    String text = resource(RESOURCES + file);
    if (!file.equals(CONFIG)) {
      return text;
    }
    Path folder = dir.toAbsolutePath().normalize().getFileName();
    String name = folder == null ? "" : folder.toString();
    return PLAIN_NAME.matcher(name).matches()
        ? text.replace(TEMPLATE_PROJECT, "project: " + name)
        : text;
  }

  private static GitIgnore ignoreStore(Path gitignore) throws IOException {
    if (!Files.exists(gitignore)) {
      Files.writeString(gitignore, IGNORED + "\n", StandardOpenOption.CREATE_NEW);
      return GitIgnore.CREATED;
    }
    String text = Files.readString(gitignore, StandardCharsets.UTF_8);
    if (text.lines().map(String::strip).anyMatch(IGNORED_SPELLINGS::contains)) {
      return GitIgnore.ALREADY_IGNORED;
    }
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    Files.writeString(gitignore, separator + IGNORED + "\n", StandardOpenOption.APPEND);
    return GitIgnore.APPENDED;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProjectTemplate.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
