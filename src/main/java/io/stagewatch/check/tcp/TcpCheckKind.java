package io.stagewatch.check.tcp;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.config.MapReader;
import org.jspecify.annotations.Nullable;

/** Reads {@code tcp:} checks: {@code host}, {@code port}, {@code send}; expect {@code contains}. */
public final class TcpCheckKind implements CheckKind {

  @Override
  public String key() {
    return "tcp";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    int problemsBefore = spec.problems().size();
    Endpoint endpoint = Endpoint.read(spec, null);
    String send = spec.string("send");
    String contains = expect == null ? null : expect.string("contains");
    if (contains != null && contains.isEmpty() && expect != null) {
      expect.problem("contains", "must not be empty");
    }
    spec.finish();
    if (expect != null) {
      expect.finish();
    }
    if (endpoint == null || spec.problems().size() > problemsBefore) {
      return null;
    }
    return new TcpCheckSpec(endpoint, send, contains);
  }
}
