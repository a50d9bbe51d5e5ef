package io.stagewatch.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.stagewatch.report.NoticeOutcome;
import io.stagewatch.report.ReportContext;
import io.stagewatch.report.SampleRuns;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.WindowFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON reports are written field by field; these tests hold them to the text an ObjectMapper
 * makes of the same records (the way they were written before), so that a field added to a record
 * but not to its writer, or a change of format, shows up.
 */
class JsonTextTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")))
          .build();

  private static final List<NoticeOutcome> NOTIFICATIONS =
      List.of(
          new NoticeOutcome(
              "slack", "alert", "run-42", List.of("checkout/create order"), "sent", null),
          new NoticeOutcome("slack", "recovery", "run-41", List.of(), "failed", "HTTP 500 \"é\""));

  private static String mapped(Object value) throws Exception {
    return MAPPER.writeValueAsString(value) + "\n";
  }

  @Test
  void resultJsonIsWhatTheMapperWrites() throws Exception {
    for (RunResult run : runs()) {
      assertThat(new JsonResultReport().render(run)).isEqualTo(mapped(RunJson.of(run)));
      assertThat(
              new JsonResultReport()
                  .render(new ReportContext(run, null, null, null, NOTIFICATIONS)))
          .isEqualTo(mapped(RunJson.of(run, NOTIFICATIONS)));
    }
  }

  @Test
  void signalJsonIsWhatTheMapperWrites() throws Exception {
    WindowFigures history = new WindowFigures(10, 3, 2, 100, 200, List.of(), List.of());
    for (RunResult run : runs()) {
      for (ReportContext context :
          List.of(ReportContext.of(run), new ReportContext(run, history, null, null, List.of()))) {
        SignalReport report = new SignalReport();
        assertThat(report.render(context)).isEqualTo(mapped(report.signal(context)));
      }
    }
  }

  private static List<RunResult> runs() {
    RunResult empty =
        new RunResult(
            new RunInfo("run-0", null, "staging", "manual", null, SampleRuns.STARTED),
            SampleRuns.FINISHED,
            List.of());
    RunResult unicode =
        new RunResult(
            new RunInfo("run-1", "shöp", "stäging", "manual", "näch\"t", SampleRuns.STARTED),
            SampleRuns.STARTED.plusNanos(123_456_789),
            List.of(
                SampleRuns.check(
                    "säite",
                    "ünïcode ✓",
                    CheckStatus.FAILED,
                    2,
                    7,
                    "\t\u0001 \\ ✗",
                    List.of("insecure"))));
    return List.of(SampleRuns.mixed(), SampleRuns.allPassed(), empty, unicode);
  }
}
