package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code readiness --github-comment}: one sticky comment on the pull request, against a WireMock
 * server standing in for GitHub's REST API.
 */
class ReadinessGitHubCommentTest {
  @RegisterExtension
  static WireMockExtension github =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN = "ghs_" + "t0kenV4lue9876543210";
  static final String COMMENTS = "/repos/acme/shop/issues/7/comments";

  @TempDir Path dir;
  CliRun cli;

  @BeforeEach
  void pullRequestWorkflow() throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"action\": \"synchronize\", \"pull_request\": {\"number\": 7}}");
    cli =
        new CliRun(dir)
            .config("environments:\n  staging:\n    baseUrl: http://127.0.0.1:9\n")
            .env("GITHUB_TOKEN", TOKEN)
            .env("GITHUB_REPOSITORY", "acme/shop")
            .env("GITHUB_API_URL", github.baseUrl())
            .env("GITHUB_EVENT_PATH", event.toString());
  }

  int readiness(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("readiness", "-c", cli.configFile().toString(), "--quality", "95"));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  static String comments(int from, int count, String body) {
    return IntStream.range(from, from + count)
        .mapToObj(id -> "{\"id\": " + id + ", \"body\": \"" + body + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void theFirstEvaluationAddsTheComment() {
    github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson(comments(1, 2, "LGTM"))));
    github.stubFor(post(COMMENTS).willReturn(aResponse().withStatus(201).withBody("{}")));

    assertThat(readiness("--github-comment")).as(cli.err).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out).contains("GitHub: readiness comment added to acme/shop#7.");
    github.verify(
        postRequestedFor(urlEqualTo(COMMENTS))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(matchingJsonPath("$.body", containing("<!-- stagewatch:readiness")))
            .withRequestBody(matchingJsonPath("$.body", containing("## Release readiness")))
            .withRequestBody(matchingJsonPath("$.body", containing("score **95"))));
    assertThat(cli.out + cli.err).doesNotContain(TOKEN);
  }

  @Test
  void aLaterEvaluationEditsItsCommentFoundOnALaterPage() {
    github.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100&page=1"))
            .willReturn(okJson(comments(1, 100, "LGTM"))));
    github.stubFor(
        get(urlEqualTo(COMMENTS + "?per_page=100&page=2"))
            .willReturn(
                okJson(
                    "[{\"id\": 555, \"body\": \"<!-- stagewatch:readiness -->\\nold\"},"
                        + " {\"id\": 556, \"body\": \"nit\"}]")));
    github.stubFor(
        patch(urlEqualTo("/repos/acme/shop/issues/comments/555")).willReturn(okJson("{}")));

    assertThat(readiness("--github-comment")).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.out).contains("GitHub: readiness comment updated on acme/shop#7.");
    github.verify(
        patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/555"))
            .withRequestBody(matchingJsonPath("$.body", containing("## Release readiness"))));
    github.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
  }

  @Test
  void aRefusalIsReportedAndLeavesTheExitCodeAlone() {
    github.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"message\": \"Resource not accessible by integration\"}")));

    assertThat(readiness("--github-comment", "--threshold", "99")).isEqualTo(ExitCodes.FAILED);

    assertThat(cli.err)
        .contains("stagewatch: the readiness comment was not posted:")
        .contains("answered HTTP 403: Resource not accessible by integration")
        .doesNotContain(TOKEN);
  }

  @Test
  void withoutAPullRequestNothingIsPostedAndTheRunSaysWhy() {
    cli.environment.remove("GITHUB_EVENT_PATH");

    assertThat(readiness("--github-comment", "--json")).isEqualTo(ExitCodes.PASSED);

    assertThat(cli.err).contains("GITHUB_EVENT_PATH is not set; give --pr N; nothing posted");
    assertThat(cli.out).startsWith("{");
    github.verify(0, getRequestedFor(urlPathEqualTo(COMMENTS)));
  }

  @Test
  void prNamesThePullRequest() {
    cli.environment.remove("GITHUB_EVENT_PATH");
    String other = "/repos/acme/shop/issues/12/comments";
    github.stubFor(get(urlPathEqualTo(other)).willReturn(okJson("[]")));
    github.stubFor(post(other).willReturn(aResponse().withStatus(201).withBody("{}")));

    assertThat(readiness("--github-comment", "--pr", "12")).isEqualTo(ExitCodes.PASSED);

    github.verify(postRequestedFor(urlEqualTo(other)));
  }
}
