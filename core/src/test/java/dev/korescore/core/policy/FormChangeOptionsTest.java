package dev.korescore.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link FormChangeOptions}: the what-if's change options, parsed once for the CLI and the Spark job. */
class FormChangeOptionsTest {

  @Test
  void theOptionsBuildTheChangeTheyName() {
    FormChangeOptions options = FormChangeOptions.create().form(" Voice QA").passScore(75).na("award-full")
        .weight("Policy=40").negativeWeight("Policy=5").fatal("Policy").drop("Greeting").notFatal("Closing")
        .weight("a=b=3");

    FormChange change = options.change();

    assertThat(options.given()).isTrue();
    assertThat(change.form()).contains("Voice QA");
    assertThat(change.passScore()).isEqualTo(OptionalInt.of(75));
    assertThat(change.naTreatment()).isEqualTo(Optional.of(NaTreatment.AWARD_FULL));
    assertThat(change.metrics()).containsEntry("Policy", MetricChange.none().withWeight(40).withNegativeWeight(5)
        .withFatal(true)).containsEntry("Greeting", MetricChange.dropped())
        .containsEntry("Closing", MetricChange.none().withFatal(false)).containsEntry("a=b", MetricChange.none()
            .withWeight(3));
  }

  @Test
  void noOptionIsAnEmptyChange() {
    assertThat(FormChangeOptions.create().given()).isFalse();
    assertThat(FormChangeOptions.create().change().isEmpty()).isTrue();
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> FormChangeOptions.create().weight("Policy").change())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--weight takes METRIC=W, such as 'Policy=40', was 'Policy'");
    assertThatThrownBy(() -> FormChangeOptions.create().negativeWeight("Policy=lots").change())
        .hasMessage("--negative-weight Policy=lots: the weight must be a whole number, was 'lots'");
    assertThatThrownBy(() -> FormChangeOptions.create().weight("Policy=-1").change())
        .hasMessage("--weight Policy=-1: the weight must be 0 or more");
    assertThatThrownBy(() -> FormChangeOptions.create().fatal("Policy").notFatal("Policy").change())
        .hasMessage("--not-fatal Policy: the metric already has fatal; give each metric one value of each kind");
    assertThatThrownBy(() -> FormChangeOptions.create().weight("Policy=4").drop("Policy ").change())
        .hasMessageContaining("--drop Policy: the metric already has weight 4");
    assertThatThrownBy(() -> FormChangeOptions.create().fatal(" ").change())
        .hasMessage("--fatal needs a metric name, was ' '");
    assertThatThrownBy(() -> FormChangeOptions.create().passScore(101).change())
        .hasMessage("pass score must be between 0 and 100, was 101");
    assertThatThrownBy(() -> FormChangeOptions.create().na("sometimes").change())
        .hasMessage("--na must be exclude, award-full or count-as-fail, was 'sometimes'");
  }
}
