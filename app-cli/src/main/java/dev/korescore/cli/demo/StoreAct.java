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
import dev.korescore.cli.store.StoreSync;
import dev.korescore.cli.store.Stores;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.store.StoredVersion;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WriteInteractionStorePort;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import dev.korescore.testkit.wire.KeyStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's second act: sync the simulator into a DuckDB store, let Kore re-score some interactions and
 * complete some manual audits between requests, sync again over the same days, and show that the store
 * caught exactly those, each as a new version.
 */
final class StoreAct {
  /** One interaction in this many evaluated ones is re-scored by Kore before the second sync. */
  private static final int RESCORE_EVERY = 97;
  private static final int MANUAL_AUDITS = 5;

  private StoreAct() {}

  /** Whether the second sync found exactly the changes made. */
  static boolean run(PrintWriter out, Path outDir, List<GeneratedInteraction> generated, Instant from, Instant to) {
    Path storeFile = outDir.resolve("korescore.duckdb");
    deleteOldStore(storeFile);
    List<Interaction> rescored = new ArrayList<>();
    List<Interaction> audited = new ArrayList<>();
    for (GeneratedInteraction g : generated) {
      Interaction x = g.interaction();
      int manual = manualMetric(x);
      if (manual >= 0 && audited.size() < MANUAL_AUDITS) {
        List<Metric> metrics = new ArrayList<>(x.metrics());
        metrics.set(manual, metrics.get(manual).withQualification(Qualification.Answer.YES));
        audited.add(x.toBuilder().metrics(metrics).build());
      } else if (g.index() % RESCORE_EVERY == RESCORE_EVERY - 1 && x.koreScore() instanceof KoreScore.Scored s) {
        rescored.add(x.toBuilder().koreScore(s.score() >= 95 ? s.score() - 5 : s.score() + 5).build());
      }
    }
    SimulatorDataset before = SimulatorDataset.fromGenerated(generated.iterator());
    List<Interaction> changed = new ArrayList<>(rescored);
    changed.addAll(audited);
    SimulatorDataset after = before.with(changed, KeyStyle.SPACED_2024);

    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(before).rateLimitPerMinute(600).build());
        RetrofitRawDataAdapter kore = client(sim);
        WriteInteractionStorePort store = Stores.openWriter(storeFile.toString())) {
      StoreSync sync = StoreSync.create(store, JacksonInteractionReaderAdapter.create(), KoreAuditor.defaults(),
          Clock.systemUTC());
      FetchRequest request = FetchRequest.of(from, to);
      StoreSync.SyncOutcome first = sync.run(kore, kore.endpoint(), request, FetchListener.NONE, w -> {});
      out.printf(Locale.ROOT, "5. Synced      %,d windows into %s (run %d): new %,d%n", first.windows().size(),
          storeFile, first.runId(), first.count(VersionChange.NEW));
      sim.serve(after);
      out.printf(Locale.ROOT, "6. Kore        re-scores %,d interactions and completes %,d manual audits (the simulator's"
          + " data changes between requests)%n", rescored.size(), audited.size());
      StoreSync.SyncOutcome second = sync.run(kore, kore.endpoint(), request, FetchListener.NONE, w -> {});
      out.printf(Locale.ROOT, "7. Synced      the same days again (run %d): new %,d, re-scored %,d, audit added %,d,"
              + " other changes %,d, unchanged %,d%n", second.runId(), second.count(VersionChange.NEW),
          second.count(VersionChange.RESCORED), second.count(VersionChange.AUDIT_ADDED),
          second.count(VersionChange.ANSWERS_CHANGED) + second.count(VersionChange.OTHER), second.unchanged());
      List<Interaction> examples = new ArrayList<>();
      rescored.stream().findFirst().ifPresent(examples::add);
      audited.stream().findFirst().ifPresent(examples::add);
      for (Interaction example : examples) {
        List<StoredVersion> history = store.history(example.conversationId());
        out.println("               " + example.conversationId() + ": " + describe(history));
      }
      out.println("               (korescore history --store " + storeFile + " ID; korescore export --store "
          + storeFile + " --table interaction_versions --format parquet --out versions.parquet)");
      return first.complete() && second.complete()
          && first.count(VersionChange.NEW) == generated.size()
          && second.count(VersionChange.RESCORED) == rescored.size()
          && second.count(VersionChange.AUDIT_ADDED) == audited.size()
          && second.changed() == changed.size()
          && second.unchanged() == generated.size() - changed.size();
    } catch (FetchException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, "the demo's sync from the simulator failed: " + e.getMessage(), e);
    }
  }

  private static String describe(List<StoredVersion> history) {
    List<String> parts = new ArrayList<>();
    for (StoredVersion v : history) {
      String part = "v" + v.version() + " " + v.change().words() + " (Kore score "
          + (v.koreScore().isPresent() ? Integer.toString(v.koreScore().getAsInt()) : "none")
          + v.passed().map(p -> p ? ", passed" : ", failed").orElse("") + ")";
      if (!v.changedAnswers().isEmpty()) {
        part += " " + String.join("; ", v.changedAnswers());
      }
      parts.add(part);
    }
    return String.join(" -> ", parts);
  }

  private static int manualMetric(Interaction x) {
    for (int i = 0; i < x.metrics().size(); i++) {
      if (x.metrics().get(i).qualification() == Qualification.Answer.MANUAL) {
        return i;
      }
    }
    return -1;
  }

  static RetrofitRawDataAdapter client(KoreSimulator sim) {
    return RetrofitRawDataAdapter.builder()
        .host(sim.baseUrl())
        .api(ApiPreset.QUALITYAI)
        .accountId(sim.accountId())
        .streamId(sim.streamId())
        .orgId("o-korescore-demo")
        .credentials(KoreCredentials.clientCredentials(sim.clientId(), Secret.of(sim.clientSecret())))
        .wireFormat(JacksonRawDataWireAdapter.create())
        .rateLimiter(RateLimiter.perMinute(600))
        .concurrency(2)
        .build();
  }

  private static void deleteOldStore(Path storeFile) {
    try {
      Files.deleteIfExists(storeFile);
      Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + ".wal"));
    } catch (IOException e) {
      throw CliException.usage("cannot replace the demo's store " + storeFile + ": " + e.getMessage());
    }
  }
}
