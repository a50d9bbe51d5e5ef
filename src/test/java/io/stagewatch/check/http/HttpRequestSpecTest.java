package io.stagewatch.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRequestSpecTest {

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "http://h, /health, http://h/health",
    "http://h/, /health, http://h/health",
    "http://h/api, /health, http://h/api/health",
    "http://h/api/, /health?full=1, http://h/api/health?full=1",
    "https://h:8443/a/b, /c, https://h:8443/a/b/c",
  })
  void aPathIsJoinedToTheBaseUrlKeepingItsPath(String base, String path, String expected) {
    HttpRequestSpec spec = new HttpRequestSpec("GET", path, null, Map.of(), null, false);

    assertThat(spec.target(URI.create(base))).isEqualTo(URI.create(expected));
  }

  @Test
  void anAbsoluteUrlIgnoresTheBaseUrl() {
    HttpRequestSpec spec =
        new HttpRequestSpec("GET", null, URI.create("http://other/x"), Map.of(), null, false);

    assertThat(spec.target(URI.create("http://h/api"))).isEqualTo(URI.create("http://other/x"));
  }

  @Test
  void theChecksHeadersWinOverTheEnvironmentsWhateverTheirCase() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("authorization", "Bearer env");
    environment.put("X-Team", "a");
    HttpRequestSpec spec =
        new HttpRequestSpec("GET", "/", null, Map.of("Authorization", "Bearer check"), null, false);

    assertThat(spec.mergedHeaders(environment))
        .containsExactly(Map.entry("X-Team", "a"), Map.entry("Authorization", "Bearer check"));
  }
}
