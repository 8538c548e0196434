package dev.korescore.cli.fetch;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A real {@code korescore fetch} process killed with SIGKILL mid-run, then {@code --resume}d. */
class FetchKillResumeTest {
  @TempDir Path dir;

  @Test
  void aKilledFetchResumesWithoutLossOrDuplicates() throws Exception {
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(5).count(700).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(data).rateLimitPerMinute(0).latency(Duration.ofMillis(30)).build())) {
      Path secret = dir.resolve("secret");
      Files.writeString(secret, sim.clientSecret());
      Path out = dir.resolve("out.jsonl");
      Path checkpoint = Path.of(out + ".checkpoint");
      List<String> args = List.of("fetch", "--host", sim.baseUrl(), "--account-id", sim.accountId(),
          "--stream-id", sim.streamId(), "--org-id", "o-kill", "--client-id", sim.clientId(),
          "--client-secret-file", secret.toString(), "--from", "2024-07-15", "--to", "2024-07-22",
          "--out", out.toString(), "--page-size", "10", "--rate", "0");

      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.korescore.cli.Main"));
      command.addAll(args);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("process.log").toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // kill once at least two windows are checkpointed and more records are already written after them
        while (System.nanoTime() < deadline && process.isAlive() && !midWindow(checkpoint, out)) {
          Thread.sleep(5);
        }
      } finally {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(Files.size(out)).as(Files.readString(dir.resolve("process.log")))
          .isLessThan(data.records().stream().mapToLong(r -> r.wireJson().length() + 1).sum());

      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      CommandLine commandLine = CliRun.command(new FetchCommand(Map.of(), RetryPolicy.defaults()), stdout, stderr);
      List<String> resume = new ArrayList<>(args.subList(1, args.size()));
      resume.add("--resume");
      assertThat(commandLine.execute(resume.toArray(String[]::new))).isEqualTo(ExitCodes.OK);

      List<String> expected = data.records().stream().map(DatasetRecord::wireJson)
          .map(json -> json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList();
      assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyElementsOf(expected);
      assertThat(stdout.toString()).contains("from an earlier run").contains("COMPLETE");
    }
  }

  private static boolean midWindow(Path checkpoint, Path out) {
    try {
      if (!Files.exists(checkpoint)) {
        return false;
      }
      String state = Files.readString(checkpoint);
      int at = state.indexOf("\"outputBytes\" : ");
      if (at < 0 || state.split("\"window\" :", -1).length - 1 < 2) {
        return false;
      }
      long written = Long.parseLong(state.substring(at + 16).split("[^0-9]", 2)[0]);
      return new File(out.toString()).length() > written + 2000;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
