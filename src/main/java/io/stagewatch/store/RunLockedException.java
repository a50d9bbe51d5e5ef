package io.stagewatch.store;

import org.jspecify.annotations.Nullable;

/** Another run of the environment holds the run lock. */
public final class RunLockedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable LockHolder holder;

  public RunLockedException(String environment, @Nullable LockHolder holder) {
    super(
        "another run of "
            + environment
            + " holds the run lock: "
            + (holder == null
                ? "a run that has just started, not recorded yet"
                : holder.toString()));
    this.holder = holder;
  }

  public @Nullable LockHolder holder() {
    return holder;
  }
}
