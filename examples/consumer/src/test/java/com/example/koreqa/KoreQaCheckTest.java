package com.example.koreqa;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.generator.PlantedDiscrepancy;
import dev.korescore.testkit.junit.KoreSimulatorTest;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service's check against korescore's Kore simulator: every planted discrepancy found, nothing else. */
@KoreSimulatorTest(records = 300, seed = 42, rateLimitPerMinute = 0)
class KoreQaCheckTest {
  private static final InteractionGenerator SAME_AS_SERVED = InteractionGenerator.builder().seed(42).count(300).build();

  private final KoreQaCheck check = new KoreQaCheck(RateLimiter.unlimited());

  @Test
  void findsEveryPlantedDiscrepancyInWhatKoreServes(KoreSimulator sim) {
    sim.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)));

    KoreQaCheck.Report report = check.checkPeriod(
        new KoreQaCheck.Kore(sim.baseUrl(), sim.accountId(), sim.streamId(), "o-example", sim.clientId(), sim.clientSecret()),
        SAME_AS_SERVED.from(), SAME_AS_SERVED.to());

    assertThat(report.interactions()).isEqualTo(300);
    assertThat(report.problems()).isNotEmpty().containsExactlyInAnyOrderElementsOf(planted());
    assertThat(sim.requests()).allSatisfy(r -> assertThat(r.claim("appId")).hasValue(sim.clientId()));
    assertThat(sim.requests()).first().satisfies(r -> assertThat(r.status()).isEqualTo(429));
  }

  @Test
  void checksASavedExport(KoreSimulator sim) {
    String jsonLines = SAME_AS_SERVED.stream().map(GeneratedInteraction::wireJson).collect(Collectors.joining("\n"));

    KoreQaCheck.Report report = check.checkExport("export.jsonl", new ByteArrayInputStream(jsonLines.getBytes(UTF_8)));

    assertThat(report.interactions()).isEqualTo(300);
    assertThat(report.problems()).containsExactlyInAnyOrderElementsOf(planted());
    assertThat(sim.requests()).as("a fresh simulator per test: nothing fetched here").isEmpty();
  }

  @Test
  void anEmptyPeriodHasNothingToCheck(KoreSimulator sim) {
    KoreQaCheck.Report report = check.checkPeriod(
        new KoreQaCheck.Kore(sim.baseUrl(), sim.accountId(), sim.streamId(), "o-example", sim.clientId(), sim.clientSecret()),
        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-02T00:00:00Z"));

    assertThat(report).isEqualTo(new KoreQaCheck.Report(0, 0, List.of()));
  }

  private static List<String> planted() {
    return SAME_AS_SERVED.stream()
        .filter(GeneratedInteraction::isPlanted)
        .map(g -> g.conversationId().value() + " "
            + (g.planted().orElseThrow().kind() == PlantedDiscrepancy.Kind.WRONG_SCORE ? "SCORE_MISMATCH" : "PASS_MISMATCH"))
        .toList();
  }
}
