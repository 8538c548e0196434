package dev.korescore.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification.Answer;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FormChangeTest {
  private static final Interaction VOICE = Interaction.builder("c-1").koreScore(40).passScore(70)
      .evaluationFormName("Voice QA ")
      .addMetric(Metric.of("Greeting ", 10, Answer.YES))
      .addMetric(Metric.of("Policy", 15, Answer.NO).withNegativeWeight(3))
      .addMetric(Metric.of("Closing", 5, Answer.NA))
      .build();

  @Test
  void applyToRewritesTheMetricsAndThePassScoreOfTheRecordsInScope() {
    FormChange change = FormChange.builder().form("Voice QA").passScore(75)
        .metric("Greeting", MetricChange.dropped())
        .metric("Policy", MetricChange.none().withWeight(40).withNegativeWeight(0).withFatal(true))
        .build();
    Interaction after = change.applyTo(VOICE);
    assertThat(after.passScore()).isEqualTo(OptionalInt.of(75));
    assertThat(after.metrics()).containsExactly(
        Metric.of("Policy", 40, Answer.NO).withFatal(true), Metric.of("Closing", 5, Answer.NA));
    assertThat(after.toBuilder().metrics(VOICE.metrics()).passScore(70).build()).isEqualTo(VOICE);

    Interaction chat = VOICE.toBuilder().evaluationFormName("Chat QA").build();
    assertThat(change.appliesTo(chat)).isFalse();
    assertThat(change.applyTo(chat)).isSameAs(chat);
    assertThat(change.appliesTo(VOICE.toBuilder().evaluationFormName(java.util.Optional.empty()).build())).isFalse();
  }

  @Test
  void theNaTreatmentIsAPolicyNotPartOfTheRecord() {
    FormChange change = FormChange.builder().naTreatment(NaTreatment.COUNT_AS_FAIL).build();
    assertThat(change.applyTo(VOICE).metrics()).isEqualTo(VOICE.metrics());
    assertThat(change.policyAfter(ScoringPolicy.defaults()))
        .isEqualTo(ScoringPolicy.defaults().withNaTreatment(NaTreatment.COUNT_AS_FAIL));
    assertThat(FormChange.none().policyAfter(ScoringPolicy.defaults())).isSameAs(ScoringPolicy.defaults());
    assertThat(FormChange.none().isEmpty()).isTrue();
    assertThat(FormChange.builder().form("Voice QA").build().isEmpty()).isTrue();
  }

  @Test
  void namesAreKeptWithoutSurroundingBlanksAndValidated() {
    FormChange change = FormChange.builder().form("  Voice QA ").metric(" Policy", MetricChange.dropped()).build();
    assertThat(change.form()).contains("Voice QA");
    assertThat(change.metric("Policy ")).contains(MetricChange.dropped());
    assertThat(change.metrics()).containsOnlyKeys("Policy");
    assertThatThrownBy(() -> FormChange.builder().form(" ").build()).hasMessage("form must not be blank");
    assertThatThrownBy(() -> FormChange.builder().metric(" ", MetricChange.dropped()).build())
        .hasMessage("a metric name must not be blank");
    assertThatThrownBy(() -> MetricChange.dropped().withWeight(3))
        .hasMessage("a dropped metric cannot also get a weight, a negative weight or fatal");
    assertThat(MetricChange.none().withWeight(3).withFatal(false).describe()).isEqualTo("weight 3, not fatal");
    assertThat(List.of(MetricChange.dropped().describe(), MetricChange.none().describe()))
        .containsExactly("dropped", "no change");
  }
}
