package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the embedding example of the README, verbatim between the markers. */
class ReadmeExampleTest {

  static List<String> readmeExample(List<Interaction> interactions) {
    List<String> log = new ArrayList<>();
    // README example begins
    KoreAuditor auditor = KoreAuditor.defaults(); // exclude NA, pass at >=, fatal zeroes, clamp, tolerance 0

    for (Interaction interaction : interactions) {
      Verdict verdict = auditor.verify(interaction);          // Match, ScoreMismatch, PassMismatch, ...
      if (verdict.isProblem()) {
        log.add(verdict.conversationId() + " " + verdict.kind() + ": " + verdict.reasons());
        log.add(verdict.explanation().render("  "));           // each metric's contribution, the alternatives
      }
    }
    AuditSummary summary = auditor.verifyAll(interactions.stream());
    log.add(summary.count(VerdictKind.MATCH) + " of " + summary.interactions() + " match");

    KoreAuditor awardFull = KoreAuditor.withPolicy(ScoringPolicy.defaults().withNaTreatment(NaTreatment.AWARD_FULL));
    awardFull.score(interactions.get(0)).ifPresent(score -> log.add("award-full score " + score.decimal()));
    // README example ends
    return log;
  }

  @Test
  void theReadmeExampleRuns() {
    List<Interaction> interactions = new ArrayList<>(Interactions.seedSample());
    interactions.add(Interactions.seedFirst().toBuilder().koreScore(59).build());
    List<String> log = readmeExample(interactions);
    assertThat(log).hasSize(4);
    assertThat(log.get(0)).isEqualTo("c-89da2cc-512d-4e26-9404-18481299xxxx SCORE_MISMATCH: [Kore's score 59 is neither "
        + "the recomputed score 40 rounded down (40) nor rounded up (40)]");
    assertThat(log.get(1)).contains("matches if NA were awarded full weight");
    assertThat(log.get(2)).isEqualTo("2 of 3 match");
    assertThat(log.get(3)).isEqualTo("award-full score 59.090909");
  }

  @Test
  void theReadmeShowsExactlyThisExample() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/korescore/scoring/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
    String example = source.substring(
        source.indexOf("// README example begins\n") + "// README example begins\n".length(),
        source.indexOf("    // README example ends"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(example.lines().filter(line -> !line.isBlank()).toList())
        .hasSizeGreaterThan(8)
        .allSatisfy(line -> assertThat(readme).contains(line.substring(4)));
  }
}
