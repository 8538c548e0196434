package dev.korescore.adapters.json.bench;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory and throughput benchmark of the JSON reader (run by bench/json/run.sh, not by the tests):
 * reads one file through {@link JacksonInteractionReaderAdapter} (every field, or the audit's scope) and prints records, metrics, wall
 * time, MB/s, the reading thread's CPU time (steadier than wall time on a shared machine), and the JVM process's peak resident set (VmHWM) and the heap limit.
 */
public final class ReadBench {
  private ReadBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ReadBench FILE [everything|audit]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    ReadScope scope = args.length == 2 ? ReadScope.valueOf(args[1].toUpperCase(Locale.ROOT)) : ReadScope.EVERYTHING;
    long bytes = Files.size(file);
    JacksonInteractionReaderAdapter reader = JacksonInteractionReaderAdapter.create();
    long records = 0;
    long metrics = 0;
    long scored = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file);
        InteractionStream stream = reader.open(file.toString(), in, ReadOptions.strict().withScope(scope))) {
      while (stream.hasNext()) {
        Interaction x = stream.next();
        records++;
        metrics += x.metrics().size();
        if (x.koreScore().value().isPresent()) {
          scored++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double mb = bytes / 1e6;
    System.out.printf(
        Locale.ROOT,
        "file=%s scope=%s size_mb=%.1f records=%d metrics=%d scored=%d wall_s=%.2f mb_per_s=%.1f records_per_s=%.0f"
            + " reader_thread_cpu_s=%.2f mb_per_cpu_s=%.1f%n",
        file, scope, mb, records, metrics, scored, seconds, mb / seconds, records / seconds, cpuSeconds, mb / cpuSeconds);
    System.out.printf(
        Locale.ROOT,
        "max_heap_mb=%d jvm_peak_rss_mb=%s%n",
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        peakRssMb());
  }

  private static String peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.valueOf(kb / 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }
}
