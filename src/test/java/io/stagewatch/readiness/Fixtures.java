package io.stagewatch.readiness;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/** The real-format report files under {@code src/test/resources/readiness/}. */
final class Fixtures {
  private Fixtures() {}

  static Path file(String name) {
    URL url =
        Objects.requireNonNull(
            Fixtures.class.getResource("/readiness/" + name), "no test resource " + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
