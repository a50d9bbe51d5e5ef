package io.stagewatch.check.tls;

import io.stagewatch.check.CheckKind;
import io.stagewatch.check.CheckSpec;
import io.stagewatch.check.tcp.Endpoint;
import io.stagewatch.config.MapReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code tls:} checks: {@code host}, {@code port} (443), {@code serverName}, {@code insecure}
 * or {@code caFile}; expect {@code validFor}. A {@code caFile} is read when the suite is loaded, so
 * that {@code validate} reports a missing or unreadable one with its place in the suite.
 */
public final class TlsCheckKind implements CheckKind {
  static final int DEFAULT_PORT = 443;

  @Override
  public String key() {
    return "tls";
  }

  @Override
  public @Nullable CheckSpec read(MapReader spec, @Nullable MapReader expect) {
    int problemsBefore = spec.problems().size();
    Endpoint endpoint = Endpoint.read(spec, DEFAULT_PORT);
    String serverName = spec.string("serverName");
    TlsTrust trust = readTrust(spec);
    Duration validFor = expect == null ? null : expect.duration("validFor");
    spec.finish();
    if (expect != null) {
      expect.finish();
    }
    if (endpoint == null || trust == null || spec.problems().size() > problemsBefore) {
      return null;
    }
    return new TlsCheckSpec(endpoint, serverName, trust, validFor);
  }

  private static @Nullable TlsTrust readTrust(MapReader spec) {
    boolean insecure = Boolean.TRUE.equals(spec.bool("insecure"));
    String caFile = spec.string("caFile");
    if (caFile == null) {
      return insecure ? TlsTrust.ANYONE : TlsTrust.RUNTIME;
    }
    if (insecure) {
      spec.problem("caFile", "give caFile or insecure: true, not both");
      return null;
    }
    Path file = resolve(spec, caFile);
    try {
      return TlsTrust.ofFile(file);
    } catch (NoSuchFileException e) {
      spec.problem("caFile", "cannot read " + file + ": no such file");
    } catch (IOException e) {
      spec.problem("caFile", "cannot read " + file + ": " + e.getMessage());
    } catch (CertificateException e) {
      spec.problem("caFile", file + " is not a file of PEM or DER certificates: " + e.getMessage());
    }
    return null;
  }

  /** A relative path is relative to the folder of the suite file that names it. */
  private static Path resolve(MapReader spec, String caFile) {
    Path path = Path.of(caFile);
    Path suiteFolder = Path.of(spec.location().file()).getParent();
    return path.isAbsolute() || suiteFolder == null ? path : suiteFolder.resolve(path);
  }
}
