package io.stagewatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

  @Test
  void aPlainValueIsOnlyQuoted() {
    assertThat(Quoted.of("Welcome to nginx")).isEqualTo("\"Welcome to nginx\"");
  }

  @Test
  void quotesInsideAreEscapedSoTheValueCanBeToldFromItsQuotes() {
    assertThat(Quoted.of("\"openapi\"")).isEqualTo("\"\\\"openapi\\\"\"");
    assertThat(Quoted.of("C:\\temp")).isEqualTo("\"C:\\\\temp\"");
  }

  @Test
  void lineBreaksTabsAndControlCharactersShow() {
    assertThat(Quoted.of("a\nb\tc\r\u0001")).isEqualTo("\"a\\nb\\tc\\r\\u0001\"");
  }
}
