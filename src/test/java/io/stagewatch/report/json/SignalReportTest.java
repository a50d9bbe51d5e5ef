package io.stagewatch.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalReportTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void withoutAStoreTheSignalCoversThisRunAlone() throws Exception {
    RunResult run = SampleRuns.mixed();
    JsonNode signal = JSON.readTree(new SignalReport().render(run));
    JsonNode result = JSON.readTree(new JsonResultReport().render(run));

    assertThat(signal.get("signal").asText()).isEqualTo("staging-smoke");
    assertThat(signal.get("environment").asText()).isEqualTo(result.get("environment").asText());
    assertThat(signal.get("runId").asText()).isEqualTo(result.get("runId").asText());
    assertThat(signal.get("status").asText()).isEqualTo("fail");
    assertThat(result.get("status").asText()).isEqualTo("fail");
    assertThat(signal.get("window").asInt()).isEqualTo(1);
    assertThat(signal.get("passRate").asDouble()).isZero();
    assertThat(signal.get("checkPassRate").asDouble()).isEqualTo(result.get("passRate").asDouble());
    assertThat(signal.get("time").asText()).isEqualTo(result.get("finishedAt").asText());
  }

  @Test
  void withAStoreThePassRateIsOverTheFinishedRunsOfTheWindow() throws Exception {
    WindowFigures history = new WindowFigures(10, 3, 2, 100, 200, List.of(), List.of());
    JsonNode signal =
        JSON.readTree(
            new SignalReport()
                .render(new ReportContext(SampleRuns.allPassed(), history, null, null, List.of())));

    assertThat(signal.get("status").asText()).isEqualTo("pass");
    assertThat(signal.get("window").asInt()).isEqualTo(3);
    assertThat(signal.get("runsPassed").asInt()).isEqualTo(2);
    assertThat(signal.get("passRate").asDouble()).isEqualTo(2.0 / 3);
  }
}
