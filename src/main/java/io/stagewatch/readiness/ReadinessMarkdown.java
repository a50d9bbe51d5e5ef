package io.stagewatch.readiness;

import io.stagewatch.readiness.ReadinessScore.Row;

/** {@code --markdown FILE}: a release readiness dashboard section. */
public final class ReadinessMarkdown {
  private ReadinessMarkdown() {}

  public static String render(ReadinessResult result) {
    StringBuilder md = new StringBuilder("## Release readiness\n\n");
    Verdict verdict = result.verdict();
    md.append("**")
        .append(verdict.ready() ? "Ready" : "Not ready")
        .append("**: score **")
        .append(ReadinessScore.format(result.score().score()))
        .append("** (")
        .append(result.score().band().label())
        .append("), threshold ")
        .append(ReadinessScore.format(verdict.threshold()))
        .append(", trend ")
        .append(result.trendText())
        .append("\n\n| Component | Input | Value | Weight | Contribution | Band | Detail |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row row : result.score().rows()) {
      md.append('|');
      for (String cell : ReadinessText.cells(row)) {
        md.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      md.append('\n');
    }
    if (!verdict.reasons().isEmpty() || !verdict.notes().isEmpty()) {
      md.append('\n');
    }
    for (String reason : verdict.reasons()) {
      md.append("- Not ready: ").append(reason).append('\n');
    }
    for (String note : verdict.notes()) {
      md.append("- Note: ").append(note).append('\n');
    }
    return md.toString();
  }

  /**
   * The GitHub Actions step outputs: {@code score}, {@code band}, {@code ready} ({@code true} or
   * {@code false}) and {@code threshold}, for later steps to branch on.
   */
  public static String outputs(ReadinessResult result) {
    return "score="
        + ReadinessScore.format(result.score().score())
        + "\nband="
        + result.score().band().label()
        + "\nready="
        + result.verdict().ready()
        + "\nthreshold="
        + ReadinessScore.format(result.verdict().threshold())
        + "\n";
  }
}
