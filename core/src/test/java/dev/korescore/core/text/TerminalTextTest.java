package dev.korescore.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @Test
  void plainTextIsUnchanged() {
    String name = "Agent Müller (ag-1) \\ 王 \uD83D\uDE00";
    assertThat(TerminalText.visible(name)).isSameAs(name);
  }

  @Test
  void escapeSequencesBecomeVisible() {
    assertThat(TerminalText.visible("\u001B[2J\u001B]0;owned\u0007x")).isEqualTo("\\x1B[2J\\x1B]0;owned\\x07x");
    assertThat(TerminalText.visible("a\nb\rc\td\u007Fe")).isEqualTo("a\\nb\\rc\\td\\x7Fe");
    assertThat(TerminalText.visible("\u009B31m\u0085")).isEqualTo("\\x9B31m\\x85");
  }

  @Test
  void bidiOverridesAndIsolatesBecomeVisible() {
    assertThat(TerminalText.visible("abc\u202Efed\u202C \u2066x\u2069"))
        .isEqualTo("abc\\u202Efed\\u202C \\u2066x\\u2069");
    assertThat(TerminalText.visible("\u2029\u2065\u206A")).isEqualTo("\u2029\u2065\u206A");
    assertThat(TerminalText.visible("a\u200Fb\u061Cc")).isEqualTo("a\\u200Fb\\u061Cc");
  }

  @Test
  void overLongTextIsCutWithAnEllipsisAtACodePoint() {
    assertThat(TerminalText.visible("abcdef", 6)).isEqualTo("abcdef");
    assertThat(TerminalText.visible("abcdefg", 6)).isEqualTo("abcde\u2026");
    assertThat(TerminalText.visible("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
    assertThat(TerminalText.visible("\u001B\u001B\u001B", 5)).isEqualTo("\\x1B\u2026");
    assertThatThrownBy(() -> TerminalText.visible("x", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noControlSurvivesAnyInput() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x2100; c++) {
      every.append(c);
    }
    String shown = TerminalText.visible(every.toString());
    assertThat(shown.chars().noneMatch(c -> TerminalText.isControl((char) c))).isTrue();
  }
}
