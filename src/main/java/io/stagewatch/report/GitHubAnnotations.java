package io.stagewatch.report;

import io.stagewatch.config.ConfigProblem;
import io.stagewatch.config.Location;
import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunResult;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * GitHub Actions workflow commands that mark a failed check or a config problem on the file and
 * line it was written at, so that it shows on the pull request's diff and in the checks tab.
 * Outside Actions ({@code GITHUB_ACTIONS} is not {@code true}) there are none.
 *
 * @see <a
 *     href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">workflow
 *     commands</a>
 */
public final class GitHubAnnotations {
  static final String ACTIONS = "GITHUB_ACTIONS";
  static final String WORKSPACE = "GITHUB_WORKSPACE";

  private final Map<String, String> environment;

  private GitHubAnnotations(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Annotations for a process with {@code environment}: none unless it runs under Actions. */
  public static GitHubAnnotations of(Map<String, String> environment) {
    return new GitHubAnnotations(environment);
  }

  private boolean active() {
    return "true".equals(environment.get(ACTIONS));
  }

  /**
   * One {@code ::error} per failed or errored check, at the place its suite defines it ({@code
   * locations} by check id, asked for only under Actions; a check without one, such as a Java
   * suite's test, is named by title only). Messages in a result are masked already.
   */
  public List<String> forRun(RunResult result, Supplier<Map<String, Location>> locations) {
    List<String> lines = new ArrayList<>();
    if (active()) {
      Map<String, Location> where = locations.get();
      for (CheckResult check : result.checks()) {
        if (check.status().isFailure()) {
          String reason = check.message() == null ? check.status().name() : check.message();
          lines.add(error(where.get(check.id()), check.id(), reason));
        }
      }
    }
    return lines;
  }

  /** One {@code ::error} per problem, at its file and line. */
  public List<String> forProblems(List<ConfigProblem> problems) {
    List<String> lines = new ArrayList<>();
    if (active()) {
      for (ConfigProblem problem : problems) {
        String message =
            problem.key().isEmpty() ? problem.message() : problem.key() + ": " + problem.message();
        lines.add(error(problem.location(), "stagewatch config", message));
      }
    }
    return lines;
  }

  private String error(@Nullable Location location, String title, String message) {
    StringBuilder line = new StringBuilder("::error ");
    if (location != null && !location.file().isEmpty()) {
      line.append("file=").append(property(repositoryPath(location.file())));
      if (location.line() > 0) {
        line.append(",line=").append(location.line());
        if (location.column() > 0) {
          line.append(",col=").append(location.column());
        }
      }
      line.append(',');
    }
    return line.append("title=")
        .append(property(title))
        .append("::")
        .append(data(message))
        .toString();
  }

  /**
   * The file as the repository names it: GitHub places an annotation only by a path relative to the
   * checkout ({@code GITHUB_WORKSPACE}); a file outside it keeps the path it was given.
   */
  private String repositoryPath(String file) {
    String workspace = environment.get(WORKSPACE);
    if (workspace == null || workspace.isBlank()) {
      return file;
    }
    try {
      Path root = Path.of(workspace.strip()).toAbsolutePath().normalize();
      Path path = Path.of(file).toAbsolutePath().normalize();
      return path.startsWith(root) ? root.relativize(path).toString().replace('\\', '/') : file;
    } catch (InvalidPathException e) {
      return file;
    }
  }

  /** A message: the runner reads a line per command, so line breaks and {@code %} are escaped. */
  static String data(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value, where {@code :} and {@code ,} separate the command's parts. */
  static String property(String value) {
    return data(value).replace(":", "%3A").replace(",", "%2C");
  }
}
