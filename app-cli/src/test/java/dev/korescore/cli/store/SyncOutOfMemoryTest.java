package dev.korescore.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.SimulatorFixture;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code korescore sync} process whose Java heap is too small for a window of large records: one
 * line that says what ran out and what to do, exit 5, no stack trace (unless --debug).
 */
class SyncOutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aSyncThatRunsOutOfHeapSaysWhatToDoWithExitFiveAndNoStackTrace() throws Exception {
    Instant from = Instant.parse("2024-07-15T00:00:00Z");
    // 300 records of 400 KB in one window: a page of 100 of them (40 MB) does not fit a 48 MB heap
    String padding = "x".repeat(400_000);
    List<DatasetRecord> records = new ArrayList<>();
    SimulatorDataset.generated(InteractionGenerator.builder().seed(5).count(300)
            .between(from, from.plus(Duration.ofDays(1))).build()).records()
        .forEach(r -> records.add(new DatasetRecord(r.conversationId(),
            r.wireJson().replaceFirst("\\{", "{\"padding\":\"" + padding + "\","), r.startTime(), r.channel(),
            r.queues())));
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(SimulatorDataset.of(records)).rateLimitPerMinute(0).build())) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Path store = dir.resolve("korescore.duckdb");
      for (boolean debug : List.of(false, true)) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), "dev.korescore.cli.Main"));
        if (debug) {
          command.add("--debug");
        }
        command.addAll(List.of("sync", "--profile", profile.toString(), "--store", store.toString(),
            "--from", "2024-07-15", "--to", "2024-07-16", "--rate", "0", "--concurrency", "2"));
        Path err = dir.resolve("err-" + debug + ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile()).start();
        try {
          assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as(stderr).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(stderr).containsPattern("korescore: sync ran out of memory: the Java heap \\(\\d+ MB\\) was too"
                + " small for this work; the windows committed so far are kept: rerun the same sync with a larger"
                + " heap, e.g. KORESCORE_JAVA_OPTS=-Xmx1g ./korescore sync")
            .contains("--window");
        if (debug) {
          assertThat(stderr).contains("java.lang.OutOfMemoryError");
        } else {
          assertThat(stderr.lines()).hasSize(1);
          assertThat(stderr).doesNotContain("Exception").doesNotContain("OutOfMemoryError");
        }
      }
    }
  }
}
