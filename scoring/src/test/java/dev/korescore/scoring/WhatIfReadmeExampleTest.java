package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the what-if example of the README, verbatim between the markers. */
class WhatIfReadmeExampleTest {

  static List<String> readmeExample(List<Interaction> interactions, List<Interaction> partition) {
    List<String> log = new ArrayList<>();
    // README example begins
    FormChange change = FormChange.builder()
        .passScore(35)                                                  // a new pass score
        .metric("Policy", MetricChange.none().withWeight(40).withFatal(true))
        .build();                                                       // .form("Voice QA"): only one form
    WhatIf whatIf = WhatIf.of(ScoringPolicy.defaults(), change);       // the current policy, then the change

    WhatIfAggregator aggregator = whatIf.newAggregator();               // mergeable: one per thread or partition
    for (Interaction interaction : interactions) {
      WhatIfOutcome outcome = whatIf.evaluate(interaction);            // Rescored or Skipped (not auditable)
      aggregator.accept(interaction, outcome);
      if (outcome instanceof WhatIfOutcome.Rescored r && r.flip() != Flip.NONE) {
        log.add(r.conversationId() + " " + r.flip() + ": " + whatIf.explain(interaction, r));
      }
    }
    WhatIfAggregator other = whatIf.newAggregator();                    // another partition's share
    partition.forEach(interaction -> other.accept(interaction, whatIf.evaluate(interaction)));
    WhatIfSummary summary = aggregator.merge(other).summary();
    log.add(summary.flips() + " flips of " + summary.rescored() + "; pass rate "
        + summary.overall().passRateBefore().orElse(0) + " -> " + summary.overall().passRateAfter().orElse(0));
    summary.unknownMetrics().forEach((name, closest) -> log.add("no metric " + name + "; closest " + closest));
    // README example ends
    return log;
  }

  @Test
  void theReadmeExampleRuns() {
    Interaction passing = Interactions.seedSecond().toBuilder().passScore(30).build();
    List<String> log = readmeExample(List.of(Interactions.seedFirst(), passing), List.of(Interactions.seedSecond()));
    assertThat(log).containsExactly(
        "c-508069e-a7c0-42ce-86ec-66585995xxxx PASS_TO_FAIL: [metric 'Policy' (NO): weight 15 -> 40, made fatal, and it"
            + " failed: the score is 0 and the interaction fails, pass score 30 -> 35, score 40 -> 0, passed -> failed]",
        "1 flips of 3; pass rate 0.3333333333333333 -> 0.0");
  }

  @Test
  void theReadmeShowsExactlyThisExample() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/korescore/scoring/WhatIfReadmeExampleTest.java"), StandardCharsets.UTF_8);
    String example = source.substring(
        source.indexOf("// README example begins\n") + "// README example begins\n".length(),
        source.indexOf("    // README example ends"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(example.lines().filter(line -> !line.isBlank()).toList())
        .hasSizeGreaterThan(10)
        .allSatisfy(line -> assertThat(readme).contains(line.substring(4)));
  }
}
