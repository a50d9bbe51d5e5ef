package io.stagewatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of a config or suite file for {@link YamlTreeReader}, refusing what no such file
 * is: more than {@link #MAX_BYTES} (refused before its content is read, let alone parsed), or bytes
 * that are not UTF-8 (named by line and column).
 */
public final class YamlFile {
  /**
   * The most a config or suite file may hold. Real ones hold a few kilobytes, a suite of a thousand
   * checks some hundreds. The parser's time grows with the square of a line's length: a file of one
   * 50 MB scalar costs it minutes and gigabytes, one line of 4 MiB seconds, of 1 MiB a fraction of
   * a second.
   */
  public static final int MAX_BYTES = 1024 * 1024;

  /** {@link #MAX_BYTES} as messages (and the README) say it. */
  public static final String MAX_SHOWN = "1 MiB";

  private YamlFile() {}

  /**
   * The text of {@code file}, or null when it is too big or not UTF-8 (the problem recorded).
   *
   * @param kind what the file is, for messages: {@code config} or {@code suite}
   * @throws IOException when the file cannot be read at all (missing, a folder, not permitted)
   */
  public static @Nullable String read(Path file, String kind, Problems problems)
      throws IOException {
    String name = file.toString();
    long size = Files.size(file);
    if (size <= MAX_BYTES) {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Bounded as well: the file may grow after its size was taken, and a pipe has no size.
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length <= MAX_BYTES) {
        return decode(name, bytes, problems);
      }
      size = Math.max(size, bytes.length);
    }
    problems.add(
        Location.ofFile(name),
        "",
        size + " bytes, more than the " + MAX_SHOWN + " a " + kind + " file may hold");
    return null;
  }

  /**
   * Decodes strict UTF-8 (Java's own decoding would turn a bad byte into U+FFFD or an exception
   * that names no line); a byte that is not UTF-8 is a problem at its line and column.
   */
  static @Nullable String decode(String name, byte[] bytes, Problems problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      String message =
          String.format(
              "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[in.position()] & 0xFF);
      problems.add(Location.at(name, out, out.length()), "", message);
      return null;
    }
    return out.toString();
  }
}
