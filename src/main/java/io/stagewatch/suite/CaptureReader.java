package io.stagewatch.suite;

import com.jayway.jsonpath.JsonPath;
import io.stagewatch.check.Capture;
import io.stagewatch.config.MapReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a check's {@code capture:} map: a name to one of {@code json: <JsonPath>}, {@code header:
 * <name>} or {@code regex: <expression>}, with {@code secret: true} to mask a value whose name does
 * not say it is secret.
 */
final class CaptureReader {
  /** What a capture may be called: what {@code ${name}} can refer to. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private CaptureReader() {}

  static List<Capture> read(MapReader check) {
    MapReader map = check.child("capture");
    List<Capture> captures = new ArrayList<>();
    if (map == null) {
      return captures;
    }
    for (String name : map.keys()) {
      MapReader one = map.child(name);
      if (!NAME.matcher(name).matches()) {
        map.problem(name, "a capture's name is letters, digits and _, not starting with a digit");
      } else if (one == null) {
        map.problem(name, "expected a map with one of: " + sourceKeys());
      } else {
        Capture capture = readOne(name, one);
        if (capture != null) {
          captures.add(capture);
        }
      }
    }
    map.finish();
    return captures;
  }

  private static @Nullable Capture readOne(String name, MapReader one) {
    List<Capture.Source> given = new ArrayList<>(1);
    for (Capture.Source source : Capture.Source.values()) {
      if (one.has(source.key())) {
        given.add(source);
      }
    }
    Boolean secret = one.bool("secret");
    Capture.Source source = given.size() == 1 ? given.get(0) : null;
    String expression = source == null ? null : one.string(source.key());
    for (Capture.Source other : Capture.Source.values()) {
      one.node(other.key());
    }
    one.finish();
    if (source == null) {
      one.problem("expected exactly one of: " + sourceKeys());
      return null;
    }
    if (expression == null) {
      return null;
    }
    String problem = problemWith(source, expression);
    if (problem != null) {
      one.problem(source.key(), problem);
      return null;
    }
    return new Capture(
        name, source, expression, Boolean.TRUE.equals(secret) || Capture.isSecretName(name));
  }

  private static @Nullable String problemWith(Capture.Source source, String expression) {
    try {
      switch (source) {
        case JSON -> JsonPath.compile(expression);
        case REGEX -> Pattern.compile(expression);
        case HEADER -> {
          if (expression.isBlank()) {
            return "expected a header name";
          }
        }
      }
      return null;
    } catch (PatternSyntaxException e) {
      return "not a valid regular expression: " + e.getDescription();
    } catch (RuntimeException e) {
      return "not a valid JsonPath: " + Objects.requireNonNullElse(e.getMessage(), expression);
    }
  }

  private static String sourceKeys() {
    return Arrays.stream(Capture.Source.values())
        .map(Capture.Source::key)
        .collect(Collectors.joining(", "));
  }
}
