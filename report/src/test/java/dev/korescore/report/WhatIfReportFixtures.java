package dev.korescore.report;

import static dev.korescore.testkit.fixtures.Metrics.metric;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.model.Queue;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.WhatIf;
import dev.korescore.scoring.WhatIfAggregator;
import dev.korescore.scoring.WhatIfSummary;
import java.util.List;

/** A what-if over records with hostile strings wherever the data carries text. */
final class WhatIfReportFixtures {
  private WhatIfReportFixtures() {}

  /**
   * Six records: a pass score lowered to 35 turns the three at 40 (pass score 70) into passes, and the
   * hostile metric made fatal turns the two passing ones into fails; one record is not evaluated.
   */
  static WhatIfSummary hostile() {
    String metricName = ReportFixtures.CLOSE_SCRIPT_METRIC;
    FormChange change = FormChange.builder().passScore(35)
        .metric(metricName, MetricChange.none().withFatal(true)).build();
    WhatIf whatIf = WhatIf.of(ScoringPolicy.defaults(), change);
    WhatIfAggregator aggregator = whatIf.newAggregator();
    List<Interaction> records = List.of(
        record("c-001", ReportFixtures.SCRIPT_AGENT, "Billing", Answer.YES, 70),
        record("c-002", "alice", ReportFixtures.IMG_QUEUE, Answer.YES, 70),
        record(ReportFixtures.HOSTILE_ID, "bob", "Billing", Answer.YES, 70),
        record("c-004", "carol", "Sales", Answer.NO, 30),
        record("c-005", "alice", "Sales", Answer.NO, 30),
        Interaction.builder("c-006").metrics(List.of(metric("A", 1, Answer.YES))).build());
    for (Interaction record : records) {
      aggregator.accept(record, whatIf.evaluate(record));
    }
    return aggregator.summary();
  }

  /**
   * The hostile metric (weight 15) answered YES scores 40 (30 of 75: Policy fails); answered NO it
   * scores 80 (60 of 75: Policy met), and 0 once the metric is fatal.
   */
  private static Interaction record(String id, String agent, String queue, Answer hostile, int passScore) {
    Answer policy = hostile == Answer.YES ? Answer.NO : Answer.YES;
    return Interaction.builder(id).koreScore(40).passScore(passScore).evaluationFormName("Voice QA")
        .addAgent(Agent.of("a-" + agent.length(), agent)).addQueue(Queue.of("qu-" + queue.length(), queue))
        .addMetric(metric("Greeting", 15, Answer.YES))
        .addMetric(metric(ReportFixtures.CLOSE_SCRIPT_METRIC, 15, hostile))
        .addMetric(metric("Policy", 45, policy))
        .build();
  }
}
