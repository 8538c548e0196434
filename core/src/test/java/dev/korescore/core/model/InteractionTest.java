package dev.korescore.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionTest {

  @Test
  void copiesTheCallersListsSoLaterChangesDoNotLeakIn() {
    List<Metric> metrics = new ArrayList<>(List.of(Metric.of("Policy", 15, Qualification.Answer.NO)));
    Interaction interaction = Interaction.builder("c-1").metrics(metrics).build();
    metrics.add(Metric.of("Greeting", 10, Qualification.Answer.YES));

    assertThat(interaction.metrics()).hasSize(1);
    assertThatThrownBy(() -> interaction.metrics().add(Metric.of("x", 1, Qualification.Answer.YES)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void decimalsEqualWhateverTheirScale() {
    Interaction a = Interaction.builder("c-1").sentimentScore(new BigDecimal("5")).build();
    Interaction b = Interaction.builder("c-1").sentimentScore(new BigDecimal("5.00")).build();
    assertThat(a).isEqualTo(b);
    assertThat(b.sentimentScore()).contains(new BigDecimal("5"));
  }

  @Test
  void toBuilderRoundTrips() {
    Interaction interaction =
        Interaction.builder("c-1")
            .channel("korevg")
            .koreScore(40)
            .passScore(70)
            .passed(false)
            .duration(Duration.ofMillis(118182))
            .addQueue(Queue.of("qu-1", "Technical Support "))
            .addAgent(Agent.of("a-1", "Demo"))
            .addMetric(Metric.of("Policy", 15, Qualification.Answer.NO))
            .extras(Extras.of(Map.of("custom", RawJson.of("{\"a\":1}"))))
            .build();
    assertThat(interaction.toBuilder().build()).isEqualTo(interaction);
    assertThat(interaction.primaryAgentKey()).isEqualTo("Demo (a-1)");
    assertThat(interaction.primaryQueueKey()).isEqualTo("Technical Support  (qu-1)");
  }

  @Test
  void rejectsANegativeDurationNamingTheConversation() {
    assertThatThrownBy(() -> Interaction.builder("c-9").duration(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c-9")
        .hasMessageContaining("duration");
  }

  @Test
  void rejectsABlankConversationId() {
    assertThatThrownBy(() -> ConversationId.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversation id");
  }

  @Test
  void extrasKeepReadingOrderButCompareAsMaps() {
    Extras ab = Extras.none().with("a", RawJson.of("1")).with("b", RawJson.of("2"));
    Extras ba = Extras.none().with("b", RawJson.of("2")).with("a", RawJson.of("1"));
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.asMap().keySet()).containsExactly("a", "b");
  }

  @Test
  void theIdMayComeLastButNeverNot() {
    Interaction.Builder builder = Interaction.builder().koreScore(40).addMetric(Metric.of("Policy", 15, Qualification.Answer.NO));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conversation id");
    Interaction interaction = builder.conversationId(ConversationId.of("c-late")).build();
    assertThat(interaction.conversationId().value()).isEqualTo("c-late");
    assertThat(interaction.metrics()).hasSize(1);
  }

  @Test
  void addingAfterSettingAListDoesNotTouchTheCallersList() {
    List<Metric> callers = List.of(Metric.of("Policy", 15, Qualification.Answer.NO));
    Interaction.Builder builder = Interaction.builder("c-1").metrics(callers);
    Interaction first = builder.build();
    Interaction second = builder.addMetric(Metric.of("Greeting", 10, Qualification.Answer.YES)).build();

    assertThat(callers).hasSize(1);
    assertThat(first.metrics()).hasSize(1);
    assertThat(second.metrics()).extracting(Metric::name).containsExactly("Policy", "Greeting");
  }
}
