// korescore store benchmark: the sync write path into DuckDB from already fetched records, the Parquet
// export, and the peak memory of a real `korescore sync` process. Run through ./run.sh.
import dev.korescore.adapters.jdbc.JdbcInteractionStoreAdapter;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.cli.store.StoreSync;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.StoreTable;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WriteInteractionStorePort;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public class StoreBench {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  static final int WINDOWS = 20;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path data = Path.of(args[1]);
    String mode = args[2];
    int n = Integer.parseInt(args[3]);
    Path store = data.resolve("store-bench.duckdb");
    if (mode.equals("all") || mode.equals("write")) {
      write(store, n);
    }
    if (mode.equals("all") || mode.equals("export")) {
      export(store, data);
    }
    if (mode.equals("all") || mode.equals("memory")) {
      memory(jar, data, n);
    }
  }

  /** Windows of generated records, each timed through StoreSync.commit: parse, hash, audit, store. */
  static void write(Path store, int n) throws Exception {
    Files.deleteIfExists(store);
    Files.deleteIfExists(Path.of(store + ".wal"));
    InteractionGenerator generator = InteractionGenerator.builder().seed(42).count(n)
        .between(FROM, FROM.plus(Duration.ofDays(WINDOWS))).build();
    List<List<RawRecord>> windows = new ArrayList<>();
    for (int w = 0; w < WINDOWS; w++) {
      windows.add(new ArrayList<>());
    }
    generator.stream().forEach(g -> {
      int day = (int) Duration.between(FROM, g.interaction().startTime().orElseThrow()).toDays();
      windows.get(Math.min(day, WINDOWS - 1)).add(RawRecord.of(g.conversationId().value(), g.wireJson()));
    });
    long bytes = windows.stream().flatMap(List::stream).mapToLong(r -> r.json().length()).sum();
    System.out.printf("records: %,d interactions, %.1f MB of JSON, %d windows%n", n, bytes / 1e6, WINDOWS);
    WriteInteractionStorePort target = JdbcInteractionStoreAdapter.openWriter(store.toString());
    try {
      StoreSync sync = StoreSync.create(target, JacksonInteractionReaderAdapter.create(), KoreAuditor.defaults(),
          Clock.systemUTC());
      for (String pass : List.of("first sync (all new)", "second sync (all unchanged)")) {
        SyncRun run = new SyncRun(target.nextRunId(), Instant.now(), "bench");
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long written = 0;
        for (int w = 0; w < WINDOWS; w++) {
          DateWindow window = new DateWindow(FROM.plus(Duration.ofDays(w)), FROM.plus(Duration.ofDays(w + 1)));
          List<RawRecord> records = windows.get(w);
          WindowLedger ledger = new WindowLedger(window, OptionalLong.of(records.size()), records.size(), 0, 0,
              (records.size() + 99) / 100, List.of());
          WindowResult result = sync.commit(run, ledger, records, true);
          written += result.changed() + result.count(dev.korescore.core.store.VersionChange.NEW) + result.unchanged();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf("%s: %,d interactions in %.2f s wall = %,.0f interactions/s; %.2f s CPU (all threads)"
            + " = %,.0f interactions per CPU-second%n", pass, written, seconds, written / seconds, cpu, written / cpu);
      }
    } finally {
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      target.close();
      System.out.printf("closing the store (its last checkpoint): %.2f s wall, %.2f s CPU%n",
          (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9);
    }
    System.out.printf("store file: %.1f MB%n", Files.size(store) / 1e6);
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static void export(Path store, Path data) throws Exception {
    try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(store.toString())) {
      for (StoreTable table : List.of(StoreTable.INTERACTIONS, StoreTable.INTERACTION_METRICS)) {
        for (ExportFormat format : List.of(ExportFormat.PARQUET, ExportFormat.JSONL)) {
          Path out = data.resolve(table.sqlName() + "." + format.name().toLowerCase());
          long start = System.nanoTime();
          long cpuStart = processCpuNanos();
          long rows = reader.export(table, format, Optional.empty(), out);
          double seconds = (System.nanoTime() - start) / 1e9;
          double cpu = (processCpuNanos() - cpuStart) / 1e9;
          System.out.printf("export %s -> %s: %,d rows in %.2f s wall, %.2f s CPU (%.1f MB)%n", table.sqlName(),
              format.name().toLowerCase(), rows, seconds, cpu, Files.size(out) / 1e6);
        }
      }
    }
  }

  /** A real `korescore sync` process (the shaded jar, default heap) against the simulator; its peak RSS. */
  static void memory(Path jar, Path data, int n) throws Exception {
    Path store = data.resolve("store-memory.duckdb");
    Files.deleteIfExists(store);
    Files.deleteIfExists(Path.of(store + ".wal"));
    SimulatorDataset dataset = SimulatorDataset.generated(InteractionGenerator.builder().seed(43).count(n)
        .between(FROM, FROM.plus(Duration.ofDays(7))).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(0)
        .build())) {
      Path secret = data.resolve("bench-secret.txt");
      Files.writeString(secret, sim.clientSecret());
      List<String> command = List.of("/usr/bin/time", "-f", "peak RSS %M KB, %e s wall, %U s user + %S s system CPU", "java", "-jar",
          jar.toString(), "sync", "--host", sim.baseUrl(), "--account-id", sim.accountId(), "--stream-id",
          sim.streamId(), "--org-id", "o-bench", "--client-id", sim.clientId(), "--client-secret-file",
          secret.toString(), "--store", store.toString(), "--from", "2024-07-15", "--to", "2024-07-22",
          "--rate", "0", "--concurrency", "2");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      int code = process.waitFor();
      output.lines().filter(l -> l.startsWith("Run ") || l.startsWith("peak RSS")).forEach(l ->
          System.out.println("sync of " + String.format("%,d", n) + " interactions (7 one-day windows): " + l));
      if (code != 0) {
        System.out.println("sync exited " + code + ":\n" + output);
      }
      Files.deleteIfExists(secret);
    }
  }
}
