package io.stagewatch.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.stagewatch.notify.Attempt;
import java.io.IOException;
import java.util.Set;

/**
 * {@code chat.postMessage} with a bot token. The Web API answers errors as HTTP 200 with {@code ok:
 * false} and an error code; the codes below are Slack's own trouble, worth another try.
 */
final class WebApiTransport implements SlackNotifier.SlackTransport {
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Slack slack;
  private final String token;
  private final String channel;

  WebApiTransport(Slack slack, String token, String channel) {
    this.slack = slack;
    this.token = token;
    this.channel = channel;
  }

  @Override
  public Attempt post(String payload) throws IOException, SlackApiException {
    JsonNode message = JSON.readTree(payload);
    ChatPostMessageResponse response =
        slack
            .methods(token)
            .chatPostMessage(
                r ->
                    r.channel(channel)
                        .text(message.path("text").asText())
                        .blocksAsString(message.path("blocks").toString()));
    if (response.isOk()) {
      return Attempt.sent();
    }
    String error = "Slack refused chat.postMessage: " + response.getError();
    if (TRANSIENT.contains(response.getError())) {
      return Attempt.retry(error, null);
    }
    return Attempt.failed(error);
  }
}
