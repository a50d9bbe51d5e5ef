package io.stagewatch.check.http;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.MapReader;
import org.jspecify.annotations.Nullable;

/** {@code http:} checks. */
public final class HttpCheckKind implements CheckKind {
  @Override
  public String key() {
    return "http";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    throw new UnsupportedOperationException("not yet");
  }
}
