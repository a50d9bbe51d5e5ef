package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** The Slack incoming webhook that notification tests post to, played by a WireMock server. */
final class SlackWebhook {
  /** Its path; the last part is the webhook's secret ("hooksecret"), which no output may show. */
  static final String PATH = "/services/T0/B0/hooksecret";

  private SlackWebhook() {}

  static String url(WireMockExtension slack) {
    return slack.baseUrl() + PATH;
  }

  /**
   * From now on the webhook answers {@code status} with {@code body}: WireMock's newest stub wins.
   */
  static void answers(WireMockExtension slack, int status, String body) {
    slack.stubFor(
        post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  /** Every post the webhook has received. */
  static List<LoggedRequest> posts(WireMockExtension slack) {
    return slack.findAll(postRequestedFor(urlPathEqualTo(PATH)));
  }
}
