package io.stagewatch.check;

import io.stagewatch.config.MapReader;
import org.jspecify.annotations.Nullable;

/**
 * One kind of check, named by its key in a suite file ({@code http:}, {@code sql:}). Adding a kind
 * means writing one of these and listing it in {@link io.stagewatch.check.kinds.CheckKinds}.
 */
public interface CheckKind {

  /** The key that selects this kind in a suite file. */
  String key();

  /**
   * Reads the kind's own map and the check's {@code expect:} map (null when absent). Problems go to
   * the readers' problem list with their locations; returns null when the check is unusable.
   */
  @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect);
}
