package io.stagewatch.check.dns;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads {@code dns:} checks: {@code name}, {@code type}, {@code server}; expect values/contains.
 */
public final class DnsCheckKind implements CheckKind {

  @Override
  public String key() {
    return "dns";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    int problemsBefore = spec.problems().size();
    String name = readName(spec);
    RecordType type = readType(spec);
    DnsServer server = DnsServer.read(spec, "server");
    DnsExpectations expectations = expect == null ? DnsExpectations.ANY : readExpect(expect);
    spec.finish();
    if (expect != null) {
      expect.finish();
    }
    if (name == null
        || type == null
        || expectations == null
        || spec.problems().size() > problemsBefore) {
      return null;
    }
    return new DnsCheckSpec(name, type, server, expectations);
  }

  private static @Nullable String readName(MapReader spec) {
    String name = spec.requiredString("name");
    if (name == null) {
      if (spec.node("name") instanceof YamlScalar s && s.isNull()) {
        spec.problem("name", "expected a DNS name, got null");
      }
      return null;
    }
    try {
      Name.fromString(name.trim(), Name.root);
      String trimmed = name.trim();
      // Written with or without the final dot, it is the same name; messages show it without.
      return trimmed.length() > 1 && trimmed.endsWith(".")
          ? trimmed.substring(0, trimmed.length() - 1)
          : trimmed;
    } catch (TextParseException e) {
      spec.problem(
          "name", "'" + spec.shown("name", name) + "' is not a DNS name: " + e.getMessage());
      return null;
    }
  }

  private static @Nullable RecordType readType(MapReader spec) {
    String written = spec.string("type");
    if (written == null) {
      return spec.has("type") ? null : RecordType.A;
    }
    try {
      return RecordType.valueOf(written.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.problem(
          "type",
          "expected one of "
              + String.join(", ", Arrays.stream(RecordType.values()).map(Enum::name).toList())
              + ", got '"
              + spec.shown("type", written)
              + "'");
      return null;
    }
  }

  private static @Nullable DnsExpectations readExpect(MapReader expect) {
    List<String> values = expect.has("values") ? expect.stringList("values") : null;
    String contains = expect.string("contains");
    if (values != null && values.isEmpty()) {
      expect.problem("values", "expected at least one value");
      return null;
    }
    return new DnsExpectations(values, contains);
  }
}
