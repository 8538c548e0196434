package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFormulaGuardTest {
  @Test
  void formulaTriggersGetALeadingQuote() {
    assertThat(CsvFormulaGuard.neutralise("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(CsvFormulaGuard.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
    assertThat(CsvFormulaGuard.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvFormulaGuard.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvFormulaGuard.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvFormulaGuard.neutralise("\r=1")).isEqualTo("'\r=1");
    assertThat(CsvFormulaGuard.neutralise("--")).isEqualTo("'--");
  }

  @Test
  void plainNumbersAndOrdinaryTextAreUnchanged() {
    for (String cell : new String[] {"-12", "+3.5", "-0.25", "-1e-3", "-.5", "-", "", "Agent =x", "c-1", "'=already"}) {
      assertThat(CsvFormulaGuard.neutralise(cell)).as(cell).isEqualTo(cell);
    }
  }
}
