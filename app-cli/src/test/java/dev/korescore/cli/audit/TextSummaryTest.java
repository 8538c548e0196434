package dev.korescore.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
  @Test
  void aTerminalExplainsTheFirstFiftyOfTheProblemsTheSummaryKept() {
    KoreAuditor auditor = KoreAuditor.defaults();
    AuditAggregator aggregator = auditor.newAggregator(false);
    for (int i = 0; i < 60; i++) {
      Interaction wrong = Interactions.seedFirst().toBuilder().conversationId(ConversationId.of("c-" + i)).koreScore(59)
          .build();
      aggregator.accept(wrong, auditor.verify(wrong));
    }
    assertThat(aggregator.summary().firstProblems()).hasSize(60);
    StringWriter text = new StringWriter();
    TextSummary.print(aggregator.summary(), new PrintWriter(text));
    assertThat(text.toString())
        .contains("First 50 problems of 60:", "c-49  SCORE_MISMATCH")
        .doesNotContain("c-50  SCORE_MISMATCH")
        .contains("60 problems found (60 mismatches, 0 invalid).");
  }
}
