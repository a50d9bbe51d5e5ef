package io.stagewatch.check.dns;

import io.stagewatch.check.tcp.Endpoint;
import io.stagewatch.config.MapReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The name server a {@code dns} check asks, written {@code host}, {@code host:port}, {@code [v6]}
 * or {@code [v6]:port}.
 */
record DnsServer(String host, int port) {
  static final int DEFAULT_PORT = 53;

  private static final Pattern FORMAT =
      Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9._\\-]+))(?::(\\d{1,5}))?");

  /** The server at {@code key}, or null when it is absent or wrong (the problem recorded). */
  static @Nullable DnsServer read(MapReader spec, String key) {
    String text = spec.string(key);
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    Matcher m = FORMAT.matcher(trimmed);
    if (!m.matches() || trimmed.chars().filter(c -> c == ':').count() > 1 && m.group(1) == null) {
      spec.problem(
          key,
          "expected host or host:port (an IPv6 address in brackets), got '"
              + spec.shown(key, text)
              + "'");
      return null;
    }
    int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65535) {
      spec.problem(key, "expected a port from 1 to 65535, got " + port);
      return null;
    }
    return new DnsServer(m.group(1) != null ? m.group(1) : m.group(2), port);
  }

  @Override
  public String toString() {
    return Endpoint.describe(host, port);
  }
}
