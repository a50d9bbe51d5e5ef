package io.stagewatch.readiness;

import io.stagewatch.readiness.ReadinessScore.Row;
import io.stagewatch.text.TextTable;
import java.util.Locale;

/** The breakdown for a terminal: one row per component, then the score, band and verdict. */
public final class ReadinessText {
  private ReadinessText() {}

  public static String render(ReadinessResult result) {
    TextTable table =
        new TextTable("COMPONENT", "INPUT", "VALUE", "WEIGHT", "CONTRIBUTION", "BAND", "DETAIL");
    for (Row row : result.score().rows()) {
      table.row(cells(row));
    }
    StringBuilder out = new StringBuilder();
    table.render(out);
    out.append('\n').append(summary(result)).append('\n');
    for (String reason : result.verdict().reasons()) {
      out.append("  not ready: ").append(reason).append('\n');
    }
    for (String note : result.verdict().notes()) {
      out.append("  note: ").append(note).append('\n');
    }
    return out.toString();
  }

  /** {@code Readiness 91.2 (good), trend +1.5 since ..., threshold 90: READY}. */
  static String summary(ReadinessResult result) {
    ReadinessScore score = result.score();
    ReadinessResult.Previous previous = result.previous();
    return "Readiness "
        + ReadinessScore.format(score.score())
        + " ("
        + score.band().label()
        + "), trend "
        + result.trendText()
        + (previous == null ? "" : " since " + previous.at())
        + ", threshold "
        + ReadinessScore.format(result.verdict().threshold())
        + ": "
        + (result.verdict().ready() ? "READY" : "NOT READY");
  }

  static String[] cells(Row row) {
    ComponentInput input = row.input();
    Band band = row.band();
    return new String[] {
      input.component().title(),
      input.input(),
      input.value() == null ? "missing" : ReadinessScore.format(input.value()),
      ReadinessScore.format(row.weight())
          + (row.weight() > 0 && !input.isMissing() && row.share() != row.weight()
              ? " (" + String.format(Locale.ROOT, "%.1f", row.share()) + "%)"
              : ""),
      input.isMissing() ? "-" : ReadinessScore.format(row.contribution()),
      band == null ? "-" : band.label(),
      input.detail()
    };
  }
}
