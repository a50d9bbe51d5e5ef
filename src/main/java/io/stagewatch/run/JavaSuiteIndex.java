package io.stagewatch.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java suites compiled into the jar, as the build lists them in {@value #RESOURCE}: each
 * top-level class from {@code suites/java/} that holds tests, its source file and the tags of its
 * tests. The runner selects these classes by name and judges a tag expression by these tags, so a
 * run neither scans the jar for classes nor reads their annotations (each costs a short run tens of
 * milliseconds). {@link JavaSuiteIndexWriter} writes the file once the build has compiled the
 * classes; nobody edits it.
 *
 * <p>A class takes part in a run only when its source file is in the config's suites folder: Java
 * suites belong to a suites folder as YAML suites do, so a project with suites of its own does not
 * run this repository's.
 */
record JavaSuiteIndex(List<IndexedSuite> suites) {
  /** Where the build puts the index, in the jar and on the class path. */
  static final String RESOURCE = "io/stagewatch/run/java-suites.txt";

  static final String HEADER =
      """
      # The Java suites compiled from suites/java, written by the build: do not edit.
      # One line per test: its class, the class's source file in the suites folder, its tags.
      """;

  JavaSuiteIndex {
    suites = List.copyOf(suites);
  }

  /**
   * The index the build put beside these classes; empty when there is none (classes compiled
   * without the build's later steps, as an IDE may).
   */
  static JavaSuiteIndex shipped() {
    try (InputStream in = JavaSuiteIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null
          ? new JavaSuiteIndex(List.of())
          : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static JavaSuiteIndex parse(String text) {
    Map<String, List<String[]>> linesByClass = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      // Class names, paths of class names and tags hold no blanks (JUnit refuses such tags).
      String[] fields = trimmed.split("\\s+");
      if (fields.length < 2) {
        throw new IllegalArgumentException(RESOURCE + ": not an index line: " + line);
      }
      linesByClass.computeIfAbsent(fields[0], c -> new ArrayList<>()).add(fields);
    }
    List<IndexedSuite> suites = new ArrayList<>();
    linesByClass.forEach(
        (className, lines) ->
            suites.add(
                new IndexedSuite(
                    className,
                    lines.get(0)[1],
                    lines.stream().map(JavaSuiteIndex::tags).toList())));
    return new JavaSuiteIndex(suites);
  }

  private static Set<String> tags(String[] fields) {
    return Set.copyOf(Arrays.asList(fields).subList(2, fields.length));
  }

  /** The text {@link #parse} reads. */
  String format() {
    StringBuilder text = new StringBuilder(HEADER);
    for (IndexedSuite suite : suites) {
      for (Set<String> tags : suite.testTags()) {
        text.append(suite.className()).append(' ').append(suite.source());
        tags.stream().sorted().forEach(tag -> text.append(' ').append(tag));
        text.append('\n');
      }
    }
    return text.toString();
  }

  /**
   * The suites whose source file is in {@code suitesFolder}. A relative folder is also looked for
   * on the class path: {@code demo}'s suites are the copy of {@code suites/} inside the jar.
   */
  JavaSuiteIndex declaredIn(Path suitesFolder) {
    return new JavaSuiteIndex(
        suites.stream().filter(suite -> holds(suitesFolder, suite.source())).toList());
  }

  List<String> classNames() {
    return suites.stream().map(IndexedSuite::className).toList();
  }

  /** The tags of every test of every suite. */
  List<Set<String>> testTags() {
    return suites.stream().flatMap(suite -> suite.testTags().stream()).toList();
  }

  private static boolean holds(Path folder, String file) {
    if (Files.isRegularFile(folder.resolve(file))) {
      return true;
    }
    if (folder.isAbsolute()) {
      return false;
    }
    List<String> names = new ArrayList<>();
    folder.forEach(name -> names.add(name.toString()));
    names.add(file);
    return JavaSuiteIndex.class.getClassLoader().getResource(String.join("/", names)) != null;
  }
}
