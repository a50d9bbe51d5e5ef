package io.stagewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The SQLite driver's native library, which the driver would copy into java.io.tmpdir on every
 * start and delete only on an orderly exit, is kept beside the store instead: a run or a daemon
 * killed with SIGKILL leaves no copy in the temporary folder, later starts reuse the one copy, and
 * none looks through the temporary folder.
 */
class SqliteNativeLibraryTest {
  @RegisterExtension
  static WireMockExtension staging =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void aKilledRunOrDaemonLeavesNoCopyInTheTemporaryFolderAndTheNextStartReusesTheStoresOne()
      throws Exception {
    // Each check hangs long enough for the process to be killed in the middle of its run.
    staging.stubFor(get("/health").willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
    DaemonProject project = new DaemonProject(dir, staging.baseUrl()).timeout("30s");
    project.write();
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    // A copy another process left, as the driver names them: the driver deletes such copies as it
    // starts, after looking through the whole temporary folder, which costs a start 20 ms when the
    // folder holds a few thousand entries. A run never looks there.
    String leftByAnother =
        "sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + UUID.randomUUID() + "-libsqlitejdbc.so";
    Files.writeString(tmp.resolve(leftByAnother), "not a library");
    List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);
    String config = dir.resolve("config/stagewatch.yaml").toString();
    String reports = dir.resolve("reports").toString();

    killDuringItsCheck(project.startProcess(jvm, "run", "-c", config, "--report-dir", reports), 1);

    assertThat(sqliteFilesIn(tmp)).containsExactly(leftByAnother);
    Path library = theOneLibraryIn(dir.resolve(".stagewatch/native"));
    Object installed = fileKey(library);

    killDuringItsCheck(
        project.startProcess(jvm, "daemon", "-c", config, "--port", "0", "--report-dir", reports),
        2);

    assertThat(sqliteFilesIn(tmp)).containsExactly(leftByAnother);
    assertThat(theOneLibraryIn(dir.resolve(".stagewatch/native"))).isEqualTo(library);
    assertThat(fileKey(library)).as("the same file, not a new copy").isEqualTo(installed);
  }

  /**
   * Kills {@code process} with SIGKILL once the staging service has seen {@code requests} health
   * checks in all, the last of them still waiting for its answer.
   */
  private static void killDuringItsCheck(Process process, int requests) throws Exception {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  staging.findAll(getRequestedFor(urlEqualTo("/health"))).size() >= requests
                      || !process.isAlive());
      assertThat(process.isAlive()).as("in its check").isTrue();
    } finally {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no delete-on-exit
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  /**
   * What sqlite-jdbc leaves in the temporary folder: sqlite-VERSION-UUID-libsqlitejdbc.so(.lck).
   */
  private static List<String> sqliteFilesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("sqlite-"))
          .toList();
    }
  }

  private static Path theOneLibraryIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSize(1);
      assertThat(all.get(0).getFileName()).hasToString(System.mapLibraryName("sqlitejdbc"));
      return all.get(0);
    }
  }

  private static Object fileKey(Path file) throws IOException {
    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    assertThat(key).isNotNull();
    return key;
  }
}
