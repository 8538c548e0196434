package dev.korescore.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link PolicyOptions}: the policy options, parsed once for audit, whatif and the Spark jobs. */
class PolicyOptionsTest {

  @Test
  void noOptionIsTheDefaultPolicyAndEachOptionSetsItsPart() {
    assertThat(PolicyOptions.create().policy()).isEqualTo(ScoringPolicy.defaults());
    assertThat(PolicyOptions.create().na((String) null).passRule((String) null).tolerance((String) null).policy())
        .isEqualTo(ScoringPolicy.defaults());
    assertThat(PolicyOptions.create().na((NaTreatment) null).passRule((PassRule) null).tolerance((BigDecimal) null)
        .policy()).isEqualTo(ScoringPolicy.defaults());
    assertThat(PolicyOptions.create().na(NaTreatment.COUNT_AS_FAIL).passRule(PassRule.GREATER_THAN)
        .tolerance(BigDecimal.ONE).policy()).isEqualTo(ScoringPolicy.defaults()
        .withNaTreatment(NaTreatment.COUNT_AS_FAIL).withPassRule(PassRule.GREATER_THAN).withTolerance(BigDecimal.ONE));

    ScoringPolicy policy = PolicyOptions.create().na(" Award-Full").passRule(">").tolerance("0.5").noFatal(true)
        .noClamp(true).policy();

    assertThat(policy).isEqualTo(ScoringPolicy.defaults().withNaTreatment(NaTreatment.AWARD_FULL)
        .withPassRule(PassRule.GREATER_THAN).withTolerance(new BigDecimal("0.5")).withFatalZeroes(false)
        .withClamp(false));
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> PolicyOptions.create().na("sometimes").policy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--na must be exclude, award-full or count-as-fail, was 'sometimes'");
    assertThatThrownBy(() -> PolicyOptions.create().na("--current-na", "half").policy())
        .hasMessage("--current-na must be exclude, award-full or count-as-fail, was 'half'");
    assertThatThrownBy(() -> PolicyOptions.create().passRule("about").policy())
        .hasMessage("--pass-rule must be at-least or greater-than, was 'about'");
    assertThatThrownBy(() -> PolicyOptions.create().tolerance("-1").policy())
        .hasMessage("--tolerance must be >= 0, was -1");
    assertThatThrownBy(() -> PolicyOptions.create().tolerance(new BigDecimal("-0.5")).policy())
        .hasMessage("--tolerance must be >= 0, was -0.5");
    assertThatThrownBy(() -> PolicyOptions.create().tolerance("one").policy())
        .hasMessage("--tolerance must be a number >= 0, such as 0.5, was 'one'");
  }
}
