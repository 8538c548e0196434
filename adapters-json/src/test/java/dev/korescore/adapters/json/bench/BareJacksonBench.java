package dev.korescore.adapters.json.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor for {@link ReadBench}: Jackson's streaming parser over the same file, materialising every
 * string and number token and nothing else (no mapping, no object model).
 */
public final class BareJacksonBench {
  private BareJacksonBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long tokens = 0;
    long checksum = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = new JsonFactory().createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        tokens++;
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          checksum += p.getText().length();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double mb = Files.size(file) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "bare-jackson tokens=%d checksum=%d wall_s=%.2f mb_per_s=%.1f thread_cpu_s=%.2f mb_per_cpu_s=%.1f%n",
        tokens, checksum, seconds, mb / seconds, cpuSeconds, mb / cpuSeconds);
  }
}
