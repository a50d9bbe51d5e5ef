package io.stagewatch.app;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A silence to add, as {@code silence add} was given it: checked by {@link SilenceBook#add}.
 *
 * @param lasting {@code --for}: how long from now; null when {@code until} is given
 * @param until {@code --until}: an ISO-8601 time with an offset, or a local date and time, or a
 *     local time of day (the next one to come); null when {@code lasting} is given
 * @param tags the tag expression it selects; null for every check
 * @param suites the suites it selects; empty for every suite
 */
public record SilenceRequest(
    String environment,
    @Nullable Duration lasting,
    @Nullable String until,
    @Nullable String tags,
    List<String> suites,
    @Nullable String reason) {

  public SilenceRequest {
    suites = List.copyOf(suites);
  }
}
