package io.stagewatch.notify.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One comment of stagewatch's on a pull request, kept up to date: it carries a hidden marker, and a
 * later post edits the comment with that marker instead of adding another, so a pull request shows
 * the latest verdict once, however often the workflow runs.
 */
public final class PullRequestComment {
  /** How stagewatch knows its own comment; HTML comments are not shown by GitHub. */
  static final String MARKER = "<!-- stagewatch:readiness -->";

  private static final int PAGE = 100;
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a post did. */
  public enum Posted {
    CREATED,
    UPDATED
  }

  /** GitHub refused or could not be reached; the message never holds the token. */
  public static final class PostFailed extends Exception {
    private static final long serialVersionUID = 1L;

    PostFailed(String message) {
      super(message);
    }
  }

  private final PullRequest pull;
  private final HttpClient http;

  public PullRequestComment(PullRequest pull) {
    this.pull = pull;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Puts {@code markdown} on the pull request: edits stagewatch's earlier comment if there is one,
   * else adds one.
   *
   * @throws PostFailed when GitHub refuses or cannot be reached
   */
  public Posted post(String markdown) throws PostFailed {
    String body = JSON.createObjectNode().put("body", MARKER + "\n" + markdown).toString();
    OptionalLong earlier = earlierComment();
    if (earlier.isPresent()) {
      send("PATCH", "/issues/comments/" + earlier.getAsLong(), body);
      return Posted.UPDATED;
    }
    send("POST", "/issues/" + pull.number() + "/comments", body);
    return Posted.CREATED;
  }

  /** The id of the pull request's first comment with the marker, looking through every page. */
  private OptionalLong earlierComment() throws PostFailed {
    for (int page = 1; ; page++) {
      JsonNode comments =
          parse(
              send(
                  "GET",
                  "/issues/" + pull.number() + "/comments?per_page=" + PAGE + "&page=" + page,
                  null));
      for (JsonNode comment : comments) {
        if (comment.path("body").asText().contains(MARKER)) {
          return OptionalLong.of(comment.path("id").asLong());
        }
      }
      if (comments.size() < PAGE) {
        return OptionalLong.empty();
      }
    }
  }

  private String send(String method, String path, @Nullable String body) throws PostFailed {
    URI uri = URI.create(pull.api() + "/repos/" + pull.repository() + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + pull.token())
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "stagewatch")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PostFailed(method + " " + uri + " failed: " + hideToken(String.valueOf(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostFailed(method + " " + uri + " was interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new PostFailed(
          method
              + " "
              + uri
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + hideToken(message(response.body())));
    }
    return response.body();
  }

  private static JsonNode parse(String body) throws PostFailed {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isArray()) {
        throw new PostFailed("GitHub's list of comments is not a JSON array");
      }
      return node;
    } catch (IOException e) {
      throw new PostFailed("GitHub's list of comments is not JSON: " + e.getMessage());
    }
  }

  /** GitHub's own {@code message} when it gives one, else the start of the body. */
  private static String message(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (IOException e) {
      // Not JSON: the body itself says what went wrong.
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private String hideToken(String text) {
    return text.replace(pull.token(), "***");
  }

  @Override
  public String toString() {
    return "comment on " + pull;
  }
}
