package io.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewatch.config.YamlNode.YamlMap;
import io.stagewatch.config.YamlNode.YamlScalar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeReaderTest {

  private static List<String> problems(String yaml) {
    Problems problems = new Problems();
    YamlTreeReader.read("f.yaml", yaml, problems);
    return problems.all().stream().map(ConfigProblem::toString).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:\n", "a: ~\n", "a: null\n", "a:\n---\n", "---\na:\n...\n"})
  void anEmptyValueIsNullAndAnEmptyDocumentAfterwardsIsNothing(String yaml) {
    Problems problems = new Problems();

    YamlNode root = YamlTreeReader.read("f.yaml", yaml, problems);

    assertThat(problems.all()).isEmpty();
    assertThat(root).isInstanceOf(YamlMap.class);
    assertThat(((YamlMap) root).get("a"))
        .isInstanceOfSatisfying(YamlScalar.class, a -> assertThat(a.isNull()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          after CRLF lines              | 'a: 1\\r\\nb: 2\\r\\nc: \\0'    | f.yaml:3:4: a NUL byte (U+0000) is not allowed in YAML text
          after a lone CR               | 'a: 1\\rc: \\0'                 | f.yaml:2:4: a NUL byte (U+0000) is not allowed in YAML text
          after a character of two chars | 'a: \\uD83D\\uDE00\\u0007'     | f.yaml:1:5: the control character U+0007 is not allowed in YAML text
          a C1 control                  | 'a: \\u0086'                   | f.yaml:1:4: the control character U+0086 is not allowed in YAML text
          """)
  void aCharacterYamlDoesNotAllowIsNamedAtItsPlace(String what, String yaml, String expected) {
    assertThat(problems(unescape(yaml))).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an anchor on a key    | '&k a: 1'          | f.yaml:1:1: found &k: YAML anchors and aliases are not supported; write the value out
          a merge key           | 'a: {<<: *m}'      | f.yaml:1:9: found *m: YAML anchors and aliases are not supported; write the value out
          """)
  void anchorsAndAliasesAreRefusedWherever(String what, String yaml, String expected) {
    assertThat(problems(yaml)).containsExactly(expected);
  }

  /** The table's escapes: \r, \n, \0 and UTF-16 \\uXXXX. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case '0' -> out.append('\0');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + next);
      }
    }
    return out.toString();
  }
}
