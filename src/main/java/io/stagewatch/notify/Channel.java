package io.stagewatch.notify;

import io.stagewatch.run.TagMatch;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where notices go: a notifier, and the tag expression that picks the checks it carries. The alert
 * state is shared by every channel; a channel only narrows what a notice names.
 *
 * @param tags null when the channel carries every check
 */
public record Channel(Notifier notifier, @Nullable TagMatch tags) {

  /** A channel that carries every check. */
  public static Channel of(Notifier notifier) {
    return new Channel(notifier, null);
  }

  public String name() {
    return notifier.name();
  }

  /**
   * The notice as this channel carries it: only the checks its tags select.
   *
   * @param tagsById each check's tags, from the run
   * @return null when it selects none of the notice's checks: the channel gets no notice
   */
  @Nullable Notice select(Notice notice, Map<String, List<String>> tagsById) {
    TagMatch match = tags;
    if (match == null) {
      return notice;
    }
    List<NoticeCheck> carried =
        notice.checks().stream()
            .filter(c -> match.matches(tagsById.getOrDefault(c.id(), List.of())))
            .toList();
    if (carried.isEmpty()) {
      return null;
    }
    return carried.size() == notice.checks().size() ? notice : notice.withChecks(carried);
  }
}
