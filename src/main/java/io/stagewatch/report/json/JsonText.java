package io.stagewatch.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the JSON reports with Jackson's streaming generator, field by field. The records of this
 * package give the shape; writing them by hand instead of through an {@code ObjectMapper} spares
 * every run the mapper's start-up and its reflective look at each record type, cold code for two
 * small files (CONTRIBUTING, Speed, has the figures). A test checks that the text is the same as
 * the mapper's.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** What goes into one file. */
  interface Content {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** The content as pretty JSON ending in a newline. */
  static String render(Content content) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(prettyPrinter());
      content.writeTo(json);
    } catch (IOException e) {
      // Writing to memory does not fail.
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /**
   * Two-space indents, {@code "key": value} and {@code []}, with {@code \n} on every platform so
   * that the file is byte-for-byte the same wherever it is written.
   */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  static void stringOrNull(JsonGenerator json, String field, @Nullable String value)
      throws IOException {
    json.writeFieldName(field);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }

  static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
