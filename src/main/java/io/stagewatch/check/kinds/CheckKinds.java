package io.stagewatch.check.kinds;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.dns.DnsCheckKind;
import io.stagewatch.check.http.HttpCheckKind;
import io.stagewatch.check.sql.SqlCheckKind;
import io.stagewatch.check.tcp.TcpCheckKind;
import io.stagewatch.check.tls.TlsCheckKind;
import java.util.List;
import java.util.Optional;

/** The registry of check kinds: the one place that lists them. */
public final class CheckKinds {
  private static final List<CheckKind> ALL =
      List.of(
          new HttpCheckKind(),
          new SqlCheckKind(),
          new TlsCheckKind(),
          new TcpCheckKind(),
          new DnsCheckKind());

  private CheckKinds() {}

  /** Every kind, in the order they are listed. */
  public static List<CheckKind> all() {
    return ALL;
  }

  public static Optional<CheckKind> byKey(String key) {
    for (CheckKind kind : ALL) {
      if (kind.key().equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public static List<String> keys() {
    return ALL.stream().map(CheckKind::key).toList();
  }
}
