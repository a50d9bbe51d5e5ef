package io.stagewatch.notify.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pull request a workflow runs for, and how to reach GitHub's API for it: {@code
 * GITHUB_API_URL} (GitHub Enterprise has its own), {@code GITHUB_REPOSITORY} ({@code owner/name}),
 * {@code GITHUB_TOKEN}, and the number from the event that started the workflow ({@code
 * GITHUB_EVENT_PATH}) unless given.
 *
 * @param token never printed: {@link #toString()} leaves it out
 */
public record PullRequest(URI api, String repository, int number, String token) {
  static final String DEFAULT_API = "https://api.github.com";

  /** Why the pull request cannot be found from the environment. */
  public static final class NotFound extends Exception {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  /**
   * @param number the pull request's number, or null to read it from the workflow's event
   * @throws NotFound naming what is missing
   */
  public static PullRequest fromEnvironment(Map<String, String> env, @Nullable Integer number)
      throws NotFound {
    String token = required(env, "GITHUB_TOKEN");
    String repository = required(env, "GITHUB_REPOSITORY");
    if (!repository.matches("[\\w.-]+/[\\w.-]+")) {
      throw new NotFound("GITHUB_REPOSITORY is not owner/name: " + repository);
    }
    String api = env.getOrDefault("GITHUB_API_URL", DEFAULT_API).strip();
    URI uri;
    try {
      uri = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
    } catch (IllegalArgumentException e) {
      throw new NotFound("GITHUB_API_URL is not a URL: " + api);
    }
    return new PullRequest(uri, repository, number != null ? number : fromEvent(env), token);
  }

  private static String required(Map<String, String> env, String name) throws NotFound {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new NotFound(name + " is not set");
    }
    return value.strip();
  }

  /**
   * The number in the event's payload: {@code pull_request.number} for pull request events, {@code
   * issue.number} for a comment on one.
   */
  private static int fromEvent(Map<String, String> env) throws NotFound {
    String path = env.get("GITHUB_EVENT_PATH");
    if (path == null || path.isBlank()) {
      throw new NotFound("no pull request: GITHUB_EVENT_PATH is not set; give --pr N");
    }
    JsonNode event;
    try {
      event = new ObjectMapper().readTree(Files.readString(Path.of(path.strip())));
    } catch (IOException | RuntimeException e) {
      throw new NotFound("the workflow's event cannot be read from " + path + ": " + e);
    }
    for (String field : new String[] {"pull_request", "issue"}) {
      JsonNode number = event.path(field).path("number");
      if (number.canConvertToInt() && number.asInt() > 0) {
        return number.asInt();
      }
    }
    throw new NotFound(
        "the workflow was not started by a pull request (no pull_request.number in "
            + path
            + "); give --pr N");
  }

  @Override
  public String toString() {
    return repository + "#" + number;
  }
}
