package io.stagewatch.check.tcp;

import io.stagewatch.config.EnvironmentConfig;
import io.stagewatch.config.MapReader;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a socket check connects: a host, or, when the check leaves it out, the host of the
 * environment's {@code baseUrl}, and a port.
 *
 * @param host a name or an address (an IPv6 address without brackets); null for the base URL's
 */
public record Endpoint(@Nullable String host, int port) {
  /** A host name or an IP address: no scheme, path, port or blank. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|\\[?[0-9A-Fa-f:.]+]?");

  /**
   * Reads {@code host} and {@code port}; {@code defaultPort} is used when port is left out, or the
   * port is required when it is null. Returns null when either is unusable (the problem recorded).
   */
  public static @Nullable Endpoint read(MapReader spec, @Nullable Integer defaultPort) {
    String host = spec.string("host");
    boolean hostOk = host == null || validHost(spec, host);
    Integer port = defaultPort == null ? requiredPort(spec) : portOr(spec, defaultPort);
    if (!hostOk || port == null) {
      return null;
    }
    return new Endpoint(host == null ? null : unbracketed(host.trim()), port);
  }

  private static @Nullable Integer requiredPort(MapReader spec) {
    if (spec.node("port") == null || spec.node("port") instanceof YamlScalar s && s.isNull()) {
      spec.problem("port", "required key is missing");
      return null;
    }
    return port(spec);
  }

  /** A port left out or null is the default; a wrong one is null (the problem recorded). */
  private static @Nullable Integer portOr(MapReader spec, int defaultPort) {
    int problemsBefore = spec.problems().size();
    Integer port = port(spec);
    if (port != null || spec.problems().size() > problemsBefore) {
      return port;
    }
    return defaultPort;
  }

  private static @Nullable Integer port(MapReader spec) {
    return spec.integer("port", 1, 65535);
  }

  private static boolean validHost(MapReader spec, String host) {
    if (HOST.matcher(host.trim()).matches()) {
      return true;
    }
    spec.problem(
        "host",
        "expected a host name or IP address (no scheme, path or port), got '"
            + spec.shown("host", host)
            + "'");
    return false;
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The host to connect to in {@code environment}. */
  public String hostIn(EnvironmentConfig environment) {
    return host != null ? host : unbracketed(environment.baseUrl().getHost());
  }

  /** {@code host:port} as messages name it, IPv6 addresses in brackets. */
  public static String describe(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
