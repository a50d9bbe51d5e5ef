package io.stagewatch.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewatch.report.SampleRuns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonResultReportTest {
  private final JsonResultReport report = new JsonResultReport();
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theTopLevelHasEveryFieldInTheDocumentedOrder() throws Exception {
    JsonNode json = mapper.readTree(report.render(SampleRuns.mixed()));

    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "runId",
            "project",
            "environment",
            "trigger",
            "label",
            "startedAt",
            "finishedAt",
            "durationMs",
            "status",
            "counts",
            "passRate",
            "notifications",
            "checks");
  }

  @Test
  void theRunIsDescribedWithUtcTimestamps() throws Exception {
    JsonNode json = mapper.readTree(report.render(SampleRuns.mixed()));

    assertThat(json.get("runId").asText()).isEqualTo("run-42");
    assertThat(json.get("project").asText()).isEqualTo("shop");
    assertThat(json.get("environment").asText()).isEqualTo("staging");
    assertThat(json.get("trigger").asText()).isEqualTo("manual");
    assertThat(json.get("label").asText()).isEqualTo("nightly");
    assertThat(json.get("startedAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(json.get("finishedAt").asText()).isEqualTo("2026-11-23T10:00:07.250Z");
    assertThat(json.get("durationMs").asLong()).isEqualTo(7250);
    assertThat(json.get("status").asText()).isEqualTo("fail");
    assertThat(json.get("passRate").asDouble()).isEqualTo(0.6);
    assertThat(json.get("notifications").isArray()).isTrue();
    assertThat(json.get("notifications")).isEmpty();
  }

  @Test
  void countsAreAnObjectWithOneFieldPerStatus() throws Exception {
    JsonNode counts = mapper.readTree(report.render(SampleRuns.mixed())).get("counts");

    assertThat(counts.get("total").asInt()).isEqualTo(6);
    assertThat(counts.get("passed").asInt()).isEqualTo(2);
    assertThat(counts.get("flaky").asInt()).isEqualTo(1);
    assertThat(counts.get("failed").asInt()).isEqualTo(1);
    assertThat(counts.get("error").asInt()).isEqualTo(1);
    assertThat(counts.get("skipped").asInt()).isEqualTo(1);
  }

  @Test
  void missingProjectAndLabelAreWrittenAsNull() throws Exception {
    JsonNode json = mapper.readTree(report.render(SampleRuns.allPassed()));

    assertThat(json.has("project")).isTrue();
    assertThat(json.get("project").isNull()).isTrue();
    assertThat(json.get("label").isNull()).isTrue();
    assertThat(json.get("status").asText()).isEqualTo("pass");
    assertThat(json.get("passRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void everyCheckKeepsItsOrderAndAllItsFields() throws Exception {
    JsonNode checks = mapper.readTree(report.render(SampleRuns.mixed())).get("checks");

    assertThat(checks).hasSize(6);
    JsonNode first = checks.get(0);
    assertThat(first.get("id").asText()).isEqualTo("staging-health/health endpoint");
    assertThat(first.get("suite").asText()).isEqualTo("staging-health");
    assertThat(first.get("name").asText()).isEqualTo("health endpoint");
    assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("smoke");
    assertThat(first.get("status").asText()).isEqualTo("PASSED");
    assertThat(first.get("attempts").asInt()).isEqualTo(1);
    assertThat(first.get("durationMs").asLong()).isEqualTo(42);
    assertThat(first.get("message").isNull()).isTrue();
    assertThat(first.get("flags")).extracting(JsonNode::asText).containsExactly("insecure");
    assertThat(checks)
        .extracting(c -> c.get("status").asText())
        .containsExactly("PASSED", "FAILED", "FLAKY", "ERROR", "SKIPPED", "PASSED");
  }

  @Test
  void aMessageSurvivesTheRoundTripUnchanged() throws Exception {
    JsonNode failed = mapper.readTree(report.render(SampleRuns.mixed())).get("checks").get(1);

    assertThat(failed.get("message").asText()).isEqualTo(SampleRuns.NASTY_MESSAGE);
    assertThat(failed.get("flags")).isEmpty();
  }

  @Test
  void theFileIsPrettyPrintedWithUnixLineEnds() {
    String json = report.render(SampleRuns.mixed());

    assertThat(json).startsWith("{\n  \"runId\": \"run-42\",\n").endsWith("}\n");
    assertThat(json).doesNotContain("\r").contains("\"notifications\": [],");
  }
}
