package io.stagewatch.readiness;

import static io.stagewatch.readiness.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every input read from files in the formats the tools write. */
class InputsTest {

  @Test
  void surefireReportsGiveThePassRateOverEveryFile() throws InputException {
    // DurationsTest: 17 passed; ReportWriterTest: 3 of 6 passed.
    ComponentInput ci = JunitReports.read(List.of(file("junit")), 10);

    assertThat(ci.value()).isCloseTo(100.0 * 20 / 23, within());
    assertThat(ci.detail()).isEqualTo("20/23 tests passed in 2 file(s)");
  }

  @Test
  void aSingleSurefireFileCanBeGiven() throws InputException {
    ComponentInput ci =
        JunitReports.read(
            List.of(file("junit/TEST-io.stagewatch.report.ReportWriterTest.xml")), 10);

    assertThat(ci.value()).isEqualTo(50.0);
  }

  @ParameterizedTest(name = "the last {0} runs: {1}")
  @CsvSource({"1, 100", "2, 100", "3, 92.5"})
  void aDirectoryOfRunsIsReadOverItsLastRunsInNumericOrder(int runs, double expected)
      throws InputException {
    // Runs 2 (3 of 6 passed), 9 and 10 (17 of 17 each): 9 and 10 are the last two, not 2 and 9.
    assertThat(JunitReports.read(List.of(file("runs")), runs).value())
        .isCloseTo(expected, within());
  }

  @Test
  void jacocoLineCoverageIsTakenFromTheReportLevelCounter() throws InputException {
    ComponentInput coverage = CoverageReport.read(file("jacoco.xml"));

    assertThat(coverage.value()).isEqualTo(88.0);
    assertThat(coverage.detail()).isEqualTo("704/800 lines covered (JaCoCo)");
  }

  @Test
  void coberturaLineCoverageIsCoveredOverValidLines() throws InputException {
    assertThat(CoverageReport.read(file("cobertura.xml")).value()).isEqualTo(92.0);
    assertThat(CoverageReport.read(file("cobertura-rate-only.xml")).value()).isEqualTo(87.5);
  }

  @Test
  void sarifFindingsCostByLevelAndIgnoredResultsCostNothing() throws InputException {
    SarifReport.Findings findings = SarifReport.findings(file("security.sarif"));

    assertThat(findings).isEqualTo(new SarifReport.Findings(1, 1, 1));
    assertThat(findings.score()).isEqualTo(63.0);
    assertThat(SarifReport.read(Component.SECURITY, file("clean.sarif")).value()).isEqualTo(100.0);
  }

  @Test
  void aResultWithoutALevelIsAWarningUnlessItsRuleSaysOtherwise() throws InputException {
    // One warning (no level anywhere) and two notes, in two runs.
    assertThat(SarifReport.findings(file("quality.sarif")))
        .isEqualTo(new SarifReport.Findings(0, 1, 2));
  }

  @Test
  void manyFindingsBottomOutAtZero() {
    assertThat(new SarifReport.Findings(5, 0, 0).score()).isZero();
  }

  @Test
  void qualityIsANumberOrASarifFile() throws InputException {
    assertThat(QualityInput.read("92.5").value()).isEqualTo(92.5);
    assertThat(QualityInput.read(file("quality.sarif").toString()).value()).isEqualTo(86.0);
    assertThatThrownBy(() -> QualityInput.read("101"))
        .hasMessageContaining("not between 0 and 100");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bad/truncated.xml, not well-formed XML",
    "bad/html.xml, not a JUnit XML report: the root element is <html>",
  })
  void aBadJunitFileIsNamedWithWhatIsWrong(String name, String problem) {
    Path bad = file(name);
    assertThatThrownBy(() -> JunitReports.read(List.of(bad), 10))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ": ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bad/truncated.xml, not well-formed XML",
    "bad/html.xml, not a JaCoCo or Cobertura XML report",
    "bad/jacoco-no-line.xml, no report-level <counter type=\"LINE\">",
  })
  void aBadCoverageFileIsNamedWithWhatIsWrong(String name, String problem) {
    Path bad = file(name);
    assertThatThrownBy(() -> CoverageReport.read(bad))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ": ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bad/truncated.sarif, not valid JSON", "bad/no-runs.sarif, no \"runs\" array"})
  void aBadSarifFileIsNamedWithWhatIsWrong(String name, String problem) {
    Path bad = file(name);
    assertThatThrownBy(() -> SarifReport.read(Component.SECURITY, bad))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void aMissingPathIsNamed() {
    Path missing = Path.of("no/such/reports");
    assertThatThrownBy(() -> JunitReports.read(List.of(missing), 10))
        .hasMessage("no/such/reports: no such file or directory");
  }

  @Test
  void externalEntitiesAreNeverFetched() {
    Path xxe = file("bad/xxe.xml");
    assertThatThrownBy(() -> JunitReports.read(List.of(xxe), 10))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(xxe + ": not well-formed XML")
        .hasMessageContaining("external entity");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }
}
