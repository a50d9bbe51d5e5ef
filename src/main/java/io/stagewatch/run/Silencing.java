package io.stagewatch.run;

import io.stagewatch.config.TagExpressions;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which checks of a run are silenced, and why: the silences and maintenance windows active when the
 * run starts, each selecting checks by suite and tag expression as {@code run -s} and {@code -t}
 * do. A silenced check runs and is recorded as any other; only its notices are held back.
 */
public final class Silencing {
  /** A run without silences. */
  public static final Silencing NONE = new Silencing(List.of());

  /** Where the rules come from until they are first needed; null once they are known. */
  private @Nullable Supplier<Silencing> source;

  private @Nullable List<Selecting> rules;

  public Silencing(List<Rule> rules) {
    this.rules = rules.stream().map(Selecting::of).toList();
  }

  private Silencing(Supplier<Silencing> source) {
    this.source = source;
  }

  /**
   * The silencing {@code source} gives, asked for when it is first needed: a run whose store is
   * still being opened starts its checks meanwhile, and only their results wait for the silences.
   */
  public static Silencing later(Supplier<Silencing> source) {
    return new Silencing(source);
  }

  private synchronized List<Selecting> rules() {
    List<Selecting> known = rules;
    if (known == null) {
      known = Objects.requireNonNull(source).get().rules();
      rules = known;
      source = null;
    }
    return known;
  }

  /**
   * A rule with its tag expression parsed once. An expression that does not parse (the commands and
   * the config refuse one, so only an edited store holds one) selects every check: a silence
   * someone asked for is kept rather than dropped.
   */
  private record Selecting(Rule rule, @Nullable TagMatch tags) {
    static Selecting of(Rule rule) {
      String expression = rule.tags();
      if (expression == null || TagExpressions.problem(expression) != null) {
        return new Selecting(rule, null);
      }
      return new Selecting(rule, new TagMatch(expression));
    }

    boolean selects(String suite, List<String> checkTags) {
      if (!rule.suites().isEmpty() && !rule.suites().contains(suite)) {
        return false;
      }
      return tags == null || tags.matches(checkTags);
    }
  }

  /**
   * One silence or window.
   *
   * @param reason what reports say of a check it covers
   * @param suites the suites it selects; empty for every suite
   * @param tags the tag expression it selects; null for every check
   */
  public record Rule(String reason, List<String> suites, @Nullable String tags) {
    public Rule {
      suites = List.copyOf(suites);
    }
  }

  /** Whether nothing is silenced. */
  public boolean isEmpty() {
    return rules().isEmpty();
  }

  /** Why the check is silenced (the first rule that selects it); null when none does. */
  public @Nullable String reasonFor(String suite, List<String> tags) {
    for (Selecting rule : rules()) {
      if (rule.selects(suite, tags)) {
        return rule.rule().reason();
      }
    }
    return null;
  }

  /** The result as this silencing marks it. */
  CheckResult apply(CheckResult result) {
    String reason = reasonFor(result.suite(), result.tags());
    return reason == null ? result : result.withSilenceReason(reason);
  }
}
