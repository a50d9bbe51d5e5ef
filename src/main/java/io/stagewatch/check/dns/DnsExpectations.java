package io.stagewatch.check.dns;

import io.stagewatch.check.AttemptVerdict;
import io.stagewatch.check.CheckOutcome;
import io.stagewatch.check.Quoted;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code dns} check's {@code expect:} asks of the answer: at least one record always, then
 * exactly these values (in any order) or one value containing a text.
 *
 * @param values null when not given
 * @param contains null when not given
 */
record DnsExpectations(@Nullable List<String> values, @Nullable String contains) {
  static final DnsExpectations ANY = new DnsExpectations(null, null);

  DnsExpectations {
    values = values == null ? null : List.copyOf(values);
  }

  /** Judges the values of the records of the asked type; {@code query} names it in messages. */
  CheckOutcome judge(RecordType type, List<String> answer, String query) {
    if (answer.isEmpty()) {
      return CheckOutcome.failed("no " + type + " records for " + query);
    }
    List<String> failures = new ArrayList<>();
    List<String> wanted = values;
    if (wanted != null) {
      Set<String> expected = new TreeSet<>();
      wanted.forEach(v -> expected.add(type.normalized(v)));
      if (!expected.equals(new TreeSet<>(answer))) {
        failures.add("expected " + listed(expected) + ", got " + listed(answer));
      }
    }
    String text = contains;
    if (text != null && answer.stream().noneMatch(v -> v.contains(text))) {
      failures.add(
          "no " + type + " record contains " + Quoted.of(text) + ", got " + listed(answer));
    }
    if (!failures.isEmpty()) {
      return CheckOutcome.failed(query + ": " + String.join("; ", failures));
    }
    return new CheckOutcome(AttemptVerdict.PASSED, query + ": " + listed(answer));
  }

  /** The values in order, so that a message reads the same whatever order the server chose. */
  private static String listed(Iterable<String> values) {
    TreeSet<String> sorted = new TreeSet<>();
    values.forEach(sorted::add);
    return "[" + String.join(", ", sorted) + "]";
  }
}
