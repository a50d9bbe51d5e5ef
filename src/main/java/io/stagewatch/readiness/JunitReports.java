package io.stagewatch.readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The CI pass rate from JUnit XML reports (the Ant/Surefire format): test cases passed over test
 * cases carried out (skipped ones left out), pooled over every file read.
 *
 * <p>Each path is a report file or a directory. A directory that holds {@code .xml} files is one
 * run: all of them are read. A directory without {@code .xml} files is a directory of CI runs, one
 * subdirectory per run: the last {@code runs} subdirectories are read, "last" in name order with
 * numbers compared as numbers ({@code 9} before {@code 10}), so name run folders by build number or
 * timestamp. A test case passed unless it has a {@code failure} or {@code error} child; one with a
 * {@code skipped} child is left out; Surefire's {@code flakyFailure} (passed on a rerun) is a pass.
 */
public final class JunitReports {
  private JunitReports() {}

  public static ComponentInput read(List<Path> paths, int runs) throws InputException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(files(path, runs));
    }
    long passed = 0;
    long executed = 0;
    for (Path file : files) {
      long[] figures = count(file);
      passed += figures[0];
      executed += figures[1];
    }
    String input = String.join(", ", paths.stream().map(Path::toString).toList());
    if (executed == 0) {
      throw new InputException(
          input + ": no test case was carried out in " + files.size() + " JUnit XML file(s)");
    }
    return new ComponentInput(
        Component.CI,
        input,
        100.0 * passed / executed,
        passed + "/" + executed + " tests passed in " + files.size() + " file(s)");
  }

  static List<Path> files(Path path, int runs) throws InputException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new InputException(path, "no such file or directory");
    }
    List<Path> xml = xmlFiles(path);
    if (!xml.isEmpty()) {
      return xml;
    }
    List<Path> runDirs = list(path).stream().filter(Files::isDirectory).sorted(NATURAL).toList();
    List<Path> last = runDirs.subList(Math.max(0, runDirs.size() - runs), runDirs.size());
    List<Path> files = new ArrayList<>();
    for (Path run : last) {
      files.addAll(xmlFiles(run));
    }
    if (files.isEmpty()) {
      throw new InputException(path, "holds no JUnit XML file, nor run folders that do");
    }
    return files;
  }

  private static List<Path> xmlFiles(Path dir) throws InputException {
    return list(dir).stream()
        .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xml"))
        .sorted()
        .toList();
  }

  private static List<Path> list(Path dir) throws InputException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    } catch (IOException e) {
      throw new InputException(dir, "cannot be listed: " + e, e);
    }
  }

  /** Returns {passed, executed}. */
  private static long[] count(Path file) throws InputException {
    Document doc = SafeXml.parse(file);
    String root = doc.getDocumentElement().getTagName();
    if (!root.equals("testsuite") && !root.equals("testsuites")) {
      throw new InputException(
          file, "not a JUnit XML report: the root element is <" + root + ">, not <testsuite>");
    }
    NodeList cases = doc.getElementsByTagName("testcase");
    long passed = 0;
    long executed = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (hasChild(testcase, "skipped")) {
        continue;
      }
      executed++;
      if (!hasChild(testcase, "failure") && !hasChild(testcase, "error")) {
        passed++;
      }
    }
    return new long[] {passed, executed};
  }

  private static boolean hasChild(Element element, String name) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && child.getTagName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Names in order, runs of digits compared as numbers, so that run 9 comes before run 10. */
  static final Comparator<Path> NATURAL =
      Comparator.comparing(
          (Path p) -> padNumbers(String.valueOf(p.getFileName())), Comparator.naturalOrder());

  private static String padNumbers(String name) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < name.length()) {
      int j = i;
      while (j < name.length() && Character.isDigit(name.charAt(j))) {
        j++;
      }
      if (j > i) {
        String digits = name.substring(i, j);
        out.append("0".repeat(Math.max(0, 20 - digits.length()))).append(digits);
        i = j;
      } else {
        out.append(name.charAt(i++));
      }
    }
    return out.toString();
  }
}
