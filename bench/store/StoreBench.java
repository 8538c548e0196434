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

  /**
   * Two real `korescore sync` processes (`java -jar`, no heap option: it re-runs itself in the bounded child JVM
   * with the sync's options, as users run it) against the simulator, the second over the same days (every
   * interaction unchanged); the peak RSS of each by /usr/bin/time (the
   * larger of the two JVMs: the child). BENCH_SYNC_JVM_OPTS adds JVM options to the first JVM (the child
   * inherits them; an -Xmx among them means no relaunch). BENCH_SAMPLE=histo|nmt samples the sync's JVM with
   * jcmd every 15 s (GC.class_histogram forces a full collection: diagnostic runs only; nmt needs
   * -XX:NativeMemoryTracking=summary in BENCH_SYNC_JVM_OPTS) into bench/data/memory-samples.txt.
   */
  static void memory(Path jar, Path data, int n) throws Exception {
    Path store = data.resolve("store-memory.duckdb");
    Files.deleteIfExists(store);
    Files.deleteIfExists(Path.of(store + ".wal"));
    long generating = System.nanoTime();
    SimulatorDataset dataset = SimulatorDataset.generated(InteractionGenerator.builder().seed(43).count(n)
        .between(FROM, FROM.plus(Duration.ofDays(7))).build());
    System.out.printf("simulator dataset: %,d interactions generated in %.1f s%n", n, (System.nanoTime() - generating) / 1e9);
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(0)
        .build())) {
      Path secret = data.resolve("bench-secret.txt");
      Files.writeString(secret, sim.clientSecret());
      List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f",
          "peak RSS %M KB, %e s wall, %U s user + %S s system CPU", "java"));
      String jvmOptions = System.getenv().getOrDefault("BENCH_SYNC_JVM_OPTS", "").strip();
      if (!jvmOptions.isEmpty()) {
        command.addAll(List.of(jvmOptions.split("\\s+")));
      }
      command.addAll(List.of("-jar", jar.toString(), "sync", "--host", sim.baseUrl(), "--account-id", sim.accountId(),
          "--stream-id", sim.streamId(), "--org-id", "o-bench", "--client-id", sim.clientId(), "--client-secret-file",
          secret.toString(), "--store", store.toString(), "--from", "2024-07-15", "--to", "2024-07-22",
          "--rate", "0", "--concurrency", "2"));
      // the first sync writes every interaction; the second re-reads the same 7 days, all unchanged (a lookback)
      for (String run : List.of("first sync, all new", "second sync, all unchanged")) {
        System.out.println("load average before: " + loadAverage());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Sampler sampler = new Sampler(process, data.resolve("memory-samples.txt"),
            System.getenv().getOrDefault("BENCH_SAMPLE", ""));
        sampler.start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        sampler.interrupt();
        sampler.join();
        System.out.println("load average after: " + loadAverage());
        System.out.println("the sync's JVM: " + sampler.commandLine);
        output.lines().filter(l -> l.startsWith("Run ") || l.startsWith("peak RSS") || l.startsWith("PROBE"))
            .forEach(l -> System.out.println(run + " of " + String.format("%,d", n)
                + " interactions (7 one-day windows): " + l));
        if (code != 0) {
          System.out.println("sync exited " + code + ":\n" + output);
          break;
        }
      }
      Files.deleteIfExists(secret);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** Finds the sync's JVM (the deepest java descendant) and samples it. */
  static final class Sampler extends Thread {
    final Process process;
    final Path out;
    final String mode;
    volatile String commandLine = "?";

    Sampler(Process process, Path out, String mode) {
      this.process = process;
      this.out = out;
      this.mode = mode;
      setDaemon(true);
    }

    @Override
    public void run() {
      long last = 0;
      try (java.io.PrintWriter samples = new java.io.PrintWriter(Files.newBufferedWriter(out))) {
        while (!isInterrupted()) {
          Thread.sleep(1000);
          // the bounded child runs dev.korescore.cli.Main; without a relaunch, the one java process
          Optional<ProcessHandle> jvm = process.descendants()
              .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
              .max(java.util.Comparator.comparing((ProcessHandle p) -> p.info().arguments()
                  .map(a -> List.of(a).contains("dev.korescore.cli.Main")).orElse(false)));
          if (jvm.isEmpty()) {
            continue;
          }
          long pid = jvm.get().pid();
          try {
            String seen = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ')
                .replaceAll("--client-secret-file \\S+", "--client-secret-file FILE").strip();
            if (commandLine.equals("?") || seen.contains("dev.korescore.cli.Main")) {
              commandLine = seen;
            }
          } catch (java.io.IOException e) {
            continue;
          }
          if (mode.isEmpty() || System.nanoTime() - last < 15_000_000_000L) {
            continue;
          }
          last = System.nanoTime();
          String what = mode.equals("nmt") ? "VM.native_memory" : "GC.class_histogram";
          List<String> jcmd = mode.equals("nmt") ? List.of("jcmd", Long.toString(pid), what, "summary")
              : List.of("jcmd", Long.toString(pid), what);
          Process p = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
          String text = new String(p.getInputStream().readAllBytes());
          p.waitFor();
          String status = Files.readString(Path.of("/proc/" + pid + "/status")).lines()
              .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM")).reduce("", (a, b) -> a + " " + b);
          samples.printf("=== %s pid %d, %s, load %s%n", Instant.now(), pid, status.strip(), loadAverage());
          text.lines().limit(mode.equals("nmt") ? 200 : 25).forEach(samples::println);
          samples.flush();
        }
      } catch (InterruptedException e) {
        // done
      } catch (Exception e) {
        System.out.println("sampler: " + e);
      }
    }
  }
}
