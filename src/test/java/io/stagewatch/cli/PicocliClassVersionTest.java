package io.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is built from its sources for Java 21: the JDK's AOT cache skips class files older than
 * version 50, and picocli's published jar holds version 49 ones.
 */
class PicocliClassVersionTest {

  @Test
  void picocliIsCompiledForJava21OrLater() throws IOException {
    ClassLoader loader = Objects.requireNonNull(CommandLine.class.getClassLoader());
    byte[] header;
    try (InputStream in =
        Objects.requireNonNull(loader.getResourceAsStream("picocli/CommandLine.class"))) {
      header = in.readNBytes(8);
    }
    assertThat(header).startsWith(0xCA, 0xFE, 0xBA, 0xBE);
    int major = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
    assertThat(major)
        .as("class file version of picocli.CommandLine; the AOT cache refuses old class files")
        .isGreaterThanOrEqualTo(65);
  }
}
