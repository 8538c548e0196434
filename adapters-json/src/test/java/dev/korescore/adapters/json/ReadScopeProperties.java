package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Queue;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.testkit.properties.KoreGenerators;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** {@link ReadScope#AUDIT}: exactly the audit's fields are mapped, the rest is skipped unread. */
class ReadScopeProperties {
  private static final ReadOptions AUDIT = ReadOptions.strict().withScope(ReadScope.AUDIT);

  /** What ReadScope.AUDIT documents it keeps, written out field by field (not through WireField). */
  private static Interaction auditView(Interaction x) {
    Interaction.Builder b = Interaction.builder(x.conversationId())
        .channel(x.channel())
        .startTime(x.startTime())
        .koreScore(x.koreScore())
        .passScore(x.passScore())
        .passed(x.passed())
        .durationStatus(x.durationStatus())
        .fatalErrorCount(x.fatalErrorCount())
        .evaluationFormName(x.evaluationFormName());
    x.agents().forEach(a -> b.addAgent(new Agent(a.id(), a.name(), Optional.empty(), Optional.empty(), Extras.none())));
    x.queues().forEach(q -> b.addQueue(new Queue(q.id(), q.name(), Extras.none())));
    x.metrics().forEach(m -> b.addMetric(
        new Metric(m.id(), m.name(), m.weight(), m.negativeWeight(), m.qualification(), m.fatal(), Extras.none())));
    return b.build();
  }

  @Test
  void theAuditScopeReadsExactlyTheAuditViewOfAnyInteraction() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), Generate.enumValues(KeyStyle.class))
        .checkAssert((x, style) -> assertThat(
                Io.read("x.jsonl", Io.utf8(Io.jsonLines(List.of(x), style)), AUDIT))
            .containsExactly(auditView(x)));
  }

  @Test
  void theDefaultScopeIsEverything() {
    assertThat(ReadOptions.strict().scope()).isEqualTo(ReadScope.EVERYTHING);
    assertThat(ReadOptions.skippingBadRecords().withScope(ReadScope.AUDIT))
        .isEqualTo(new ReadOptions(true, ReadScope.AUDIT));
  }

  @Test
  void aBadValueOutsideTheScopeDoesNotRefuseTheRecord() {
    String text = "{\"conversationId\":\"c-1\",\"Sentiment Score\":\"lots\",\"Intents\":5,"
        + "\"Agents\":[{\"agentId\":\"a-1\",\"Agent Start Time\":\"yesterday\"}],"
        + "\"Kore Evaluation Score\":50,\"Metrics\":[{\"Metric Name\":\"Greeting\",\"Metric Weight\":10,"
        + "\"Qualification\":\"YES\",\"justification\":{\"deep\":[1,2,{\"x\":null}]}}]}\n";

    assertThat(catchThrowableOfType(InteractionReadException.class, () -> Io.read("a.jsonl", Io.utf8(text))))
        .hasMessageContaining("a.jsonl:1:");
    List<Interaction> read = Io.read("a.jsonl", Io.utf8(text), AUDIT);

    assertThat(read).hasSize(1);
    Interaction x = read.get(0);
    assertThat(x.sentimentScore()).isEmpty();
    assertThat(x.intents()).isEmpty();
    assertThat(x.agents()).extracting(Agent::id).containsExactly(Optional.of("a-1"));
    assertThat(x.metrics()).extracting(Metric::name, Metric::weight, Metric::extras)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Greeting", 10L, Extras.none()));
  }

  @Test
  void aBadValueInsideTheScopeStillNamesThePlaceTheConversationAndTheMetric() {
    String text = "{\"conversationId\":\"c-7\",\"Intents\":[{\"intent\":\"x\"}],"
        + "\"Metrics\":[{\"Metric Name\":\"Policy\",\"Metric Weight\":\"heavy\",\"Qualification\":\"NO\"}]}\n";

    InteractionReadException e =
        catchThrowableOfType(InteractionReadException.class, () -> Io.read("b.jsonl", Io.utf8(text), AUDIT));

    assertThat(e.getMessage()).startsWith("b.jsonl:1:").contains("(conversation c-7)").contains("Policy");
  }

  @Test
  void malformedJsonInsideASkippedFieldStillFails() {
    String text = "{\"conversationId\":\"c-1\",\"Topics\":[{\"topic\":\"a\",]}]}\n";

    InteractionReadException e =
        catchThrowableOfType(InteractionReadException.class, () -> Io.read("c.jsonl", Io.utf8(text), AUDIT));

    assertThat(e.getMessage()).startsWith("c.jsonl:1:").contains("malformed JSON");
  }

  @Test
  void aKoreErrorResponseIsRecognisedInEitherScope() {
    String text = "{\"errors\":[{\"msg\":\"Invalid token\",\"code\":401}]}";

    for (ReadOptions options : List.of(ReadOptions.strict(), AUDIT)) {
      InteractionReadException e =
          catchThrowableOfType(InteractionReadException.class, () -> Io.read("d.json", Io.utf8(text), options));
      assertThat(e.getMessage()).contains("the input is a Kore error response").contains("Invalid token");
    }
  }

  @Test
  void apiEnvelopesAreStillUnwrapped() {
    String text = "{\"totalResults\":1,\"results\":[{\"conversationId\":\"c-9\",\"Kore Evaluation Score\":40}]}";

    assertThat(Io.read("e.json", Io.utf8(text), AUDIT)).extracting(i -> i.conversationId().value())
        .containsExactly("c-9");
  }
}
