package io.stagewatch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A machine's JDKs as the launchers see them, made in a folder: a JDK 17 whose {@code java} is
 * first on the PATH (as Debian 12's default is), and an install folder that holds the JDK these
 * tests run on.
 */
record JdkFolders(Path oldJdk, Path installs, Path current) {

  static JdkFolders in(Path dir) throws IOException {
    Path oldJdk = dir.resolve("jdk-17");
    Files.createDirectories(oldJdk.resolve("bin"));
    Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    for (String tool : new String[] {"java", "javac"}) {
      Path script = oldJdk.resolve("bin").resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho 'the JDK 17 was started' >&2\nexit 1\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path installs = Files.createDirectories(dir.resolve("jvm"));
    Path current = installs.resolve("jdk-current");
    Files.createSymbolicLink(current, Path.of(System.getProperty("java.home")));
    return new JdkFolders(oldJdk, installs, current);
  }

  /**
   * The environment of a newcomer's shell: no JAVA_HOME, the old java first on the PATH, and the
   * install folders to search (the given one instead of the machine's). JAVA_HOME is mapped to
   * null: the caller unsets what is null.
   */
  void applyTo(Map<String, @Nullable String> env, Path searched) {
    env.put("JAVA_HOME", null);
    env.put("PATH", oldJdk.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("STAGEWATCH_JDK_DIRS", searched.toString());
  }
}
