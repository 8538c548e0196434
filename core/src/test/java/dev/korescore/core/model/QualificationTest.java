package dev.korescore.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.model.Qualification.Unrecognised;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QualificationTest {

  @ParameterizedTest
  @CsvSource({"YES,YES", "yes,YES", "' Yes ',YES", "NO,NO", "no,NO", "NA,NA", "N/A,NA", "n/a,NA", "-,MANUAL"})
  void readsKoreSpellingsInAnyCase(String text, Answer expected) {
    assertThat(Qualification.parse(text)).isEqualTo(expected);
  }

  @Test
  void keepsAnUnknownValueVerbatim() {
    assertThat(Qualification.parse("Partially ")).isEqualTo(new Unrecognised("Partially "));
    assertThat(Qualification.parse("Partially ").wireText()).isEqualTo("Partially ");
  }

  @Test
  void manualIsWrittenAsKoresDash() {
    assertThat(Answer.MANUAL.wireText()).isEqualTo("-");
  }

  @Test
  void durationStatusReadsKnownValuesAndKeepsOthers() {
    assertThat(DurationStatus.parse("Below_Threshold")).isEqualTo(DurationStatus.Known.BELOW_THRESHOLD);
    assertThat(DurationStatus.parse("evaluated").isEvaluated()).isTrue();
    assertThat(DurationStatus.parse("pending")).isEqualTo(new DurationStatus.Unrecognised("pending"));
    assertThat(DurationStatus.parse("pending").isEvaluated()).isFalse();
  }
}
