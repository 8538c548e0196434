package dev.korescore.cli.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A bad hour at Kore, bounded: a quarter of the requests throttled, 15% server errors, 15% cut-off
 * bodies and some repeated records. With the default retry policy (only the waits shortened, so the test
 * is quick) one run completes, every record exactly once.
 */
class FetchSoakTest {
  static final RetryPolicy DEFAULTS_QUICK_WAITS = RetryPolicy.defaults()
      .withDelays(Duration.ofMillis(1), Duration.ofMillis(4)).withRetryAfterCap(Duration.ofMillis(4));

  @TempDir Path dir;

  @Test
  void aBadHourCompletesInOneRunExactlyOnce() throws Exception {
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(99).count(1_000).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(data).rateLimitPerMinute(0).build())) {
      sim.faults().seed(12)
          .sometimes(0.25, Fault.status(429))
          .sometimes(0.15, Fault.status(500))
          .sometimes(0.15, Fault.truncatedBody())
          .sometimes(0.05, Fault.duplicateAcrossPages(3));
      Path out = dir.resolve("soak.jsonl");
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      CommandLine commandLine = new CommandLine(new FetchCommand(Map.of(), DEFAULTS_QUICK_WAITS));
      commandLine.setOut(new PrintWriter(stdout, true));
      commandLine.setErr(new PrintWriter(stderr, true));
      int code = commandLine.execute("--profile", dev.korescore.cli.SimulatorFixture.profile(sim, dir).toString(), "--from", "2024-07-15",
          "--to", "2024-07-22", "--out", out.toString(), "--page-size", "25", "--rate", "0");

      assertThat(code).as(stderr.toString()).isEqualTo(ExitCodes.OK);
      List<String> expected = data.records().stream().map(DatasetRecord::wireJson)
          .map(json -> json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList();
      assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyElementsOf(expected);
      assertThat(stdout.toString()).contains("server total 1000, received 1000").contains("COMPLETE");
      long failed = sim.requests().stream().filter(r -> r.status() != 200).count();
      assertThat(failed).as("faults were served").isGreaterThan(sim.requests().size() / 4);
    }
  }

  @Test
  void theProgressBarNeverGoesBackwardsAcrossWindows() {
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(3).count(500).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(data).rateLimitPerMinute(0).build());
        FetchRun run = FetchRun.create(settings(sim), FetchTuning.defaults().withRate(0).withPageSize(10)
            .withMaxPages(3), DEFAULTS_QUICK_WAITS)) {
      var request = run.request(Instant.parse("2024-07-15T00:00:00Z"), Instant.parse("2024-07-22T00:00:00Z"),
          List.of(), List.of());
      Progress progress = Progress.forTerminal(false, request.windows().size());
      List<Long> positions = new ArrayList<>();
      FetchListener recording = new FetchListener() {
        @Override
        public void pageFetched(DateWindow window, int page, int records, long totalReported) {
          progress.pageFetched(window, page, records, totalReported);
          positions.add(progress.position());
        }

        @Override
        public void windowCompleted(WindowLedger ledger) {
          progress.windowCompleted(ledger);
          positions.add(progress.position());
        }
      };
      FetchRun.FetchOutcome outcome = run.toFile(request, dir.resolve("p.jsonl"), FetchRun.OutputMode.NEW, recording);
      assertThat(outcome.ledgers()).allSatisfy(l -> assertThat(l.notes()).anyMatch(n -> n.startsWith("bisected")));
      assertThat(positions).isSorted().hasSizeGreaterThan(request.windows().size() * 3);
      assertThat(positions.get(positions.size() - 1)).isEqualTo(request.windows().size() * (long) Progress.STEPS);
    }
  }

  private static KoreSettings settings(KoreSimulator sim) {
    return KoreSettings.resolve(Map.of(), new java.util.Properties(), Map.of(
        "KORE_HOST", sim.baseUrl(),
        "KORE_ACCOUNT_ID", sim.accountId(),
        "KORE_STREAM_ID", sim.streamId(),
        "KORE_ORG_ID", "o-test",
        "KORE_CLIENT_ID", sim.clientId(),
        "KORE_CLIENT_SECRET", sim.clientSecret()));
  }
}
