package dev.korescore.cli.demo;

import dev.korescore.adapters.http.ApiPreset;
import dev.korescore.adapters.http.KoreCredentials;
import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.Secret;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.audit.AuditOptions;
import dev.korescore.cli.audit.AuditResult;
import dev.korescore.cli.audit.AuditRun;
import dev.korescore.cli.audit.AuditSource;
import dev.korescore.cli.audit.OutputFormat;
import dev.korescore.report.HtmlAuditReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.generator.PlantedDiscrepancy;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.RecordedRequest;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code korescore demo}: generates interactions with planted discrepancies, serves them from an
 * in-process Kore simulator, fetches them through the real HTTP client with real JWTs (surviving a few
 * injected faults), audits them with the scoring engine, writes the reports, and checks that the audit
 * found every planted discrepancy and raised no false alarm.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole job in one command, on generated data: start a Kore Raw Data simulator in-process with interactions",
      "holding planted discrepancies, fetch them over HTTP with real JWTs (through a 429, a 500 and repeated records),",
      "audit every score, print the summary, write the reports, and check that every planted discrepancy was found",
      "with no false alarm. Then sync into a DuckDB store (OUT-DIR/korescore.duckdb), let the simulator re-score some",
      "interactions and complete some manual audits, sync again and show the new versions. Exit 0 when every planted",
      "discrepancy and every change was found, 1 when not."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");

  @Spec CommandSpec spec;

  @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "korescore-demo",
      description = "Where to write the fetched records and the reports (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--records", paramLabel = "N", defaultValue = "2000", description = "Interactions to generate (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "The generator's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--discrepancy-share", paramLabel = "X", defaultValue = "0.05",
      description = "Share of evaluated interactions with a planted discrepancy (default: ${DEFAULT-VALUE}).")
  double discrepancyShare;

  @Option(names = "--days", paramLabel = "N", defaultValue = "4", description = "Days the interactions span, one fetch window each (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--no-faults", negatable = false, description = "Do not inject the 429, the 500 and the repeated records.")
  boolean noFaults;

  @Override
  public Integer call() {
    if (records < 1 || days < 1) {
      throw CliException.usage("--records and --days must be >= 1, were " + records + " and " + days);
    }
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    Instant to = FROM.plus(Duration.ofDays(days));
    InteractionGenerator generator;
    try {
      generator = InteractionGenerator.builder().seed(seed).count(records).discrepancyShare(discrepancyShare)
          .between(FROM, to).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    Map<String, GeneratedInteraction> truth = new HashMap<>();
    generator.stream().forEach(g -> truth.put(g.conversationId().value(), g));
    long planted = truth.values().stream().filter(GeneratedInteraction::isPlanted).count();
    long plantedScores = truth.values().stream()
        .filter(g -> g.planted().map(p -> p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE).orElse(false)).count();
    out.printf(Locale.ROOT, "korescore demo: %,d generated interactions (seed %d) over %d days, %,d with a planted discrepancy%n",
        records, seed, days, planted);
    out.println();
    createDirectories(outDir);
    Path recordsFile = outDir.resolve("records.jsonl");

    SimulatorConfig config = SimulatorConfig.builder()
        .dataset(SimulatorDataset.generated(generator))
        .rateLimitPerMinute(600)
        .build();
    FetchOutcome fetched;
    try (KoreSimulator sim = KoreSimulator.start(config)) {
      if (!noFaults) {
        sim.faults()
            .next(Fault.status(429).retryAfter(Duration.ofSeconds(1)))
            .next(Fault.status(500))
            .next(Fault.latency(Duration.ZERO))
            .next(Fault.duplicateAcrossPages(3));
      }
      out.println("1. Simulator   Kore Raw Data API on " + sim.baseUrl() + " (qualityai path, HS256 JWT with appId/exp/jti checks,");
      out.println("               600 requests/minute per account" + (noFaults ? ")" : "; injecting a 429 with Retry-After, a 500, repeated records)"));
      fetched = fetch(sim, to, recordsFile);
      List<RecordedRequest> requests = sim.requests();
      long jwts = requests.stream().filter(r -> r.claim("jti").isPresent()).map(r -> r.claim("jti").get()).distinct().count();
      long errors = requests.stream().filter(r -> r.status() != 200).count();
      out.printf(Locale.ROOT, "2. Fetched     %,d records in %,d requests (%,d answered with an error and retried, %,d distinct JWTs),%n",
          fetched.records, requests.size(), errors, jwts);
      out.printf(Locale.ROOT, "               %d windows, %s; %,d repeated records dropped -> %s%n",
          fetched.ledgers.size(), fetched.complete() ? "all complete" : "INCOMPLETE", fetched.duplicates(), recordsFile);
    }

    ReadInteractionsPort reader = JacksonInteractionReaderAdapter.create();
    Path auditJsonl = outDir.resolve("audit.jsonl");
    Path auditCsv = outDir.resolve("audit.csv");
    Path reportHtml = outDir.resolve("report.html");
    Comparison comparison = new Comparison(truth);
    AuditResult result;
    try (Writer csvWriter = Files.newBufferedWriter(auditCsv, StandardCharsets.UTF_8);
        AuditRun.RowSink csv = AuditRun.rows(OutputFormat.CSV, csvWriter)) {
      result = audit(reader, recordsFile, auditJsonl, OutputFormat.JSONL, (interaction, verdict) -> {
        csv.accept(interaction, verdict);
        comparison.check(interaction, verdict);
      });
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write " + auditCsv + ": " + e.getMessage(), e);
    }
    writeReport(result, recordsFile, reportHtml);
    out.println("3. Audited     " + AuditRun.oneLineSummary(result.summary()));
    out.println("4. Reports     " + auditJsonl + ", " + auditCsv + ", " + reportHtml);
    boolean storeOk = StoreAct.run(out, outDir, generator.stream().toList(), FROM, to);
    out.println();
    AuditRun.printSummary(result.summary(), out);
    out.println();
    out.printf(Locale.ROOT, "Planted discrepancies: %,d (%,d wrong scores, %,d wrong pass flags).%n",
        planted, plantedScores, planted - plantedScores);
    boolean ok = comparison.missed.isEmpty() && comparison.falseAlarms.isEmpty() && comparison.unknown == 0
        && fetched.records == records && fetched.complete() && storeOk;
    if (ok) {
      out.printf(Locale.ROOT, "Found %,d of %,d (%,d score mismatches, %,d pass mismatches), with no false alarm among the other %,d interactions.%n",
          comparison.found, planted, comparison.foundScores, comparison.found - comparison.foundScores, records - planted);
    } else {
      out.printf(Locale.ROOT, "The audit and the planted truth DISAGREE: found %,d of %,d, missed %,d, false alarms %,d, unknown records %,d,"
              + " fetched %,d of %,d%s.%n",
          comparison.found, planted, comparison.missed.size(), comparison.falseAlarms.size(), comparison.unknown,
          fetched.records, records, fetched.complete() ? "" : ", fetch incomplete");
      if (!storeOk) {
        out.println("  the second sync did not find exactly the re-scored and audited interactions (see steps 5 to 7)");
      }
      comparison.missed.stream().limit(10).forEach(line -> out.println("  missed: " + line));
      comparison.falseAlarms.stream().limit(10).forEach(line -> out.println("  false alarm: " + line));
    }
    out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.MISMATCH;
  }

  private record FetchOutcome(long records, List<WindowLedger> ledgers) {
    boolean complete() {
      return !ledgers.isEmpty() && ledgers.stream().allMatch(WindowLedger::complete);
    }

    long duplicates() {
      return ledgers.stream().mapToLong(l -> l.duplicatesDropped() - l.seenInEarlierWindows()).sum();
    }
  }

  private static FetchOutcome fetch(KoreSimulator sim, Instant to, Path file) {
    long count = 0;
    try (RetrofitRawDataAdapter kore = StoreAct.client(sim);
        RawRecordStream stream = kore.fetch(FetchRequest.of(FROM, to), FetchListener.NONE);
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (stream.hasNext()) {
        RawRecord record = stream.next();
        writer.write(record.jsonLine());
        writer.write('\n');
        count++;
      }
      return new FetchOutcome(count, stream.ledgers());
    } catch (FetchException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "the demo's fetch from the simulator failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static AuditResult audit(ReadInteractionsPort reader, Path records, Path target, OutputFormat format,
      BiConsumer<Interaction, Verdict> listener) {
    AuditOptions options = AuditOptions.defaults().withFormat(format).withProblemsKept(3);
    try (AuditSource.Input in = AuditSource.files(List.of(records.toString())).open(reader, false);
        Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      return AuditRun.create(options).run(in, writer, listener);
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** What the audit found, checked verdict by verdict against the generator's truth. */
  private static final class Comparison {
    private final Map<String, GeneratedInteraction> truth;
    long found;
    long foundScores;
    long unknown;
    final List<String> missed = new ArrayList<>();
    final List<String> falseAlarms = new ArrayList<>();

    Comparison(Map<String, GeneratedInteraction> truth) {
      this.truth = truth;
    }

    void check(Interaction interaction, Verdict verdict) {
      GeneratedInteraction expected = truth.get(interaction.conversationId().value());
      if (expected == null) {
        unknown++;
        return;
      }
      VerdictKind kind = verdict.kind();
      if (expected.planted().isPresent()) {
        PlantedDiscrepancy p = expected.planted().get();
        VerdictKind wanted = p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE ? VerdictKind.SCORE_MISMATCH : VerdictKind.PASS_MISMATCH;
        if (kind == wanted) {
          found++;
          if (kind == VerdictKind.SCORE_MISMATCH) {
            foundScores++;
          }
        } else {
          missed.add(interaction.conversationId() + " planted " + p + ", audit said " + kind + " " + verdict.reasons());
        }
      } else if (kind.isProblem()) {
        falseAlarms.add(interaction.conversationId() + " audit said " + kind + " " + verdict.reasons());
      }
    }
  }

  private static void writeReport(AuditResult result, Path records, Path reportHtml) {
    try {
      HtmlAuditReport.write(result.summary(),
          ReportHeader.of(List.of(records.toString()), Instant.now()).withTitle("korescore demo"), reportHtml);
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write " + reportHtml + ": " + e.getMessage(), e);
    }
  }


  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw CliException.usage("cannot create the output directory " + dir + ": " + e.getMessage());
    }
  }
}
