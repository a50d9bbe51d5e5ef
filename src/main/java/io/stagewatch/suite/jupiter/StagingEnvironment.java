package io.stagewatch.suite.jupiter;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import io.stagewatch.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The environment a Java suite runs against. {@link #toString()} never shows header values, since
 * they often carry credentials.
 *
 * @param databases read-only data sources by name: every connection is in a read-only transaction
 *     with autocommit off, from a small pool that the run closes at its end
 */
public record StagingEnvironment(
    String name,
    URI baseUrl,
    Map<String, String> headers,
    Duration timeout,
    Map<String, DataSource> databases) {

  public StagingEnvironment {
    headers = Map.copyOf(headers);
    databases = Map.copyOf(databases);
  }

  /**
   * A REST Assured specification with the base URI, the environment's headers, connect and read
   * timeouts, and credential headers kept out of REST Assured's own request logging.
   */
  public RequestSpecification requestSpec() {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    RestAssuredConfig config =
        RestAssuredConfig.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", millis)
                    .setParam("http.socket.timeout", millis))
            .logConfig(
                LogConfig.logConfig()
                    .blacklistHeaders(
                        headers.keySet().stream().filter(Secrets::isSecretHeader).toList()));
    return new RequestSpecBuilder()
        .setBaseUri(baseUrl.toString())
        .addHeaders(headers)
        .setConfig(config)
        .build();
  }

  @Override
  public String toString() {
    return "StagingEnvironment[name="
        + name
        + ", baseUrl="
        + baseUrl
        + ", headers="
        + headers.keySet()
        + ", databases="
        + databases.keySet()
        + "]";
  }
}
