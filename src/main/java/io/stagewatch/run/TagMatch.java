package io.stagewatch.run;

import java.util.List;
import java.util.Set;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * A tag expression ({@code critical & !slow}) judged against a check's tags the way {@code run -t}
 * selects checks, for what picks checks by tag outside discovery (silences, notification channels).
 */
public final class TagMatch {
  private final PostDiscoveryFilter filter;

  /**
   * @throws org.junit.platform.commons.PreconditionViolationException when {@code expression} is
   *     not a valid tag expression (the config refuses one before it gets here)
   */
  public TagMatch(String expression) {
    this.filter = TagFilter.includeTags(expression);
  }

  public boolean matches(List<String> tags) {
    return filter.apply(new TagProbe(Set.copyOf(tags))).included();
  }
}
