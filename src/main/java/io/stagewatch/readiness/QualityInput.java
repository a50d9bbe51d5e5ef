package io.stagewatch.readiness;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** {@code --quality}: a number from 0 to 100, or a SARIF log from linters scored like security. */
public final class QualityInput {
  private QualityInput() {}

  public static ComponentInput read(String argument) throws InputException {
    Double number = parse(argument);
    if (number != null) {
      if (number < 0 || number > 100) {
        throw new InputException("--quality " + argument + " is not between 0 and 100");
      }
      return new ComponentInput(Component.QUALITY, "number", number, "given on the command line");
    }
    Path file = Path.of(argument);
    if (!Files.exists(file)) {
      throw new InputException(file, "no such file (--quality takes a SARIF file or 0-100)");
    }
    return SarifReport.read(Component.QUALITY, file);
  }

  private static @Nullable Double parse(String text) {
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
