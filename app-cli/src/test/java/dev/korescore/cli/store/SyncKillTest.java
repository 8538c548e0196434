package dev.korescore.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.SimulatorFixture;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real {@code korescore sync} process killed with SIGKILL, or stopped with SIGTERM (it names what it
 * committed), mid-window, then run again: everything once.
 */
class SyncKillTest {
  @TempDir Path dir;

  @Test
  void aKilledSyncRerunStoresEveryInteractionOnceWithNoSpuriousVersion() throws Exception {
    stopThenRerun(false);
  }

  @Test
  void aSigtermedSyncSaysHowToContinueAndTheRerunStoresEveryInteractionOnce() throws Exception {
    stopThenRerun(true);
  }

  private void stopThenRerun(boolean sigterm) throws Exception {
    Instant from = Instant.parse("2024-07-15T00:00:00Z");
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(9).count(700)
        .between(from, from.plus(Duration.ofDays(7))).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(data).rateLimitPerMinute(0).latency(Duration.ofMillis(40)).build())) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Path store = dir.resolve("korescore.duckdb");
      List<String> args = List.of("sync", "--profile", profile.toString(), "--store", store.toString(),
          "--from", "2024-07-15", "--to", "2024-07-22", "--page-size", "10", "--rate", "0");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.korescore.cli.Main"));
      command.addAll(args);
      Path log = dir.resolve("process.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        // kill once two windows are committed, while the third is being fetched
        while (System.nanoTime() < deadline && process.isAlive() && committedWindows(log) < 2) {
          Thread.sleep(5);
        }
        Thread.sleep(100);
        if (sigterm) {
          process.destroy();
          assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(process.exitValue()).isEqualTo(143);
          assertThat(Files.readAllLines(log).stream().filter(line -> line.contains("interrupted"))).singleElement()
              .satisfies(line -> assertThat(line).matches("korescore: interrupted after \\d+ records \\(\\d+ of 7"
                  + " windows committed\\); rerun the same command to continue"));
        }
      } finally {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      long committedBeforeKill = committedWindows(log);
      assertThat(committedBeforeKill).as(Files.readString(log)).isBetween(2L, 6L);

      StringWriter out = new StringWriter();
      CommandLine rerun = new CommandLine(new SyncCommand(Map.of(), RetryPolicy.defaults(), Clock.systemUTC()));
      rerun.setOut(new PrintWriter(out, true));
      rerun.setExecutionExceptionHandler((ex, cl, parsed) ->
          ex instanceof CliException cli ? cli.exitCode() : ExitCodes.RUNTIME_FAILURE);
      assertThat(rerun.execute(args.subList(1, args.size()).toArray(String[]::new))).as(out.toString())
          .isEqualTo(ExitCodes.OK);
      assertThat(out.toString()).contains("Run 2: 7 windows COMPLETE");

      assertThat(SyncCommandTest.count(store, "interactions")).isEqualTo(700);
      assertThat(SyncCommandTest.count(store, "interaction_versions")).isEqualTo(700);
      assertThat(SyncCommandTest.count(store, "verdicts")).isEqualTo(700);
      assertThat(SyncCommandTest.count(store, "(SELECT DISTINCT conversation_id FROM interaction_versions)"))
          .isEqualTo(700);
      // a window committed just before the kill may not have printed its line yet
      assertThat(SyncCommandTest.count(store, "sync_runs WHERE run_id = 1"))
          .isBetween(committedBeforeKill, committedBeforeKill + 1);
    }
  }

  private static long committedWindows(Path log) {
    try {
      return Files.readAllLines(log).stream().filter(line -> line.startsWith("  2024-07-")).count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
