package dev.korescore.cli.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.korescore.cli.KorescoreCommand;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.common.OutputLock;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Real {@code korescore fetch} processes: a second writer of the same file is refused while the first
 * runs, and SIGINT or SIGTERM mid-fetch leaves finished windows durable, a valid checkpoint and one line,
 * with exit 130 or 143; {@code --resume} then completes without loss or duplicates.
 */
class FetchProcessSafetyTest {
  static KoreSimulator sim;
  static SimulatorDataset data;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    data = SimulatorDataset.generated(InteractionGenerator.builder().seed(8).count(210).build());
    sim = KoreSimulator.start(SimulatorConfig.builder().dataset(data).rateLimitPerMinute(0)
        .latency(Duration.ofMillis(40)).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private List<String> args(Path out) throws IOException {
    Path profile = dev.korescore.cli.SimulatorFixture.profile(sim, dir);
    return new ArrayList<>(List.of("fetch", "--profile", profile.toString(), "--from", "2024-07-15",
        "--to", "2024-07-22", "--out", out.toString(), "--page-size", "10", "--rate", "0"));
  }

  private static int inProcess(List<String> args, StringWriter out, StringWriter err) {
    CommandLine commandLine = KorescoreCommand.newCommandLine(args.toArray(String[]::new));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args.toArray(String[]::new));
  }

  /** At least {@code windows} windows in the checkpoint (a cheap look: this runs in a polling loop). */
  private static boolean windowsSaved(Path out, int windows) {
    try {
      Path checkpoint = Path.of(out + ".checkpoint");
      return Files.exists(checkpoint) && Files.readString(checkpoint).split("\"window\"", -1).length - 1 >= windows;
    } catch (IOException e) {
      return false;
    }
  }

  private List<String> expected() {
    return data.records().stream().map(DatasetRecord::wireJson)
        .map(json -> json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList();
  }

  @Test
  void aSecondWriterOfTheSameFileIsRefusedAtOnceNamingTheFirst() throws Exception {
    Path out = dir.resolve("locked.jsonl");
    List<String> slow = args(out);
    slow.set(slow.indexOf("--page-size") + 1, "2");
    try (KorescoreProcess first = KorescoreProcess.start(dir, "first", slow)) {
      assertThat(first.await(() -> Files.exists(OutputLock.lockFileOf(out)) && windowsSaved(out, 1), Duration.ofSeconds(60)))
          .as("the first fetch holds the lock").isTrue();
      long before = Files.size(out);
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      List<String> second = args(out);
      second.add("--overwrite");
      assertThat(inProcess(second, stdout, stderr)).isEqualTo(ExitCodes.USAGE_OR_INPUT);
      assertThat(stderr.toString()).contains(out + " is being written by another korescore process (pid "
          + first.process.pid() + ")");
      assertThat(Files.size(out)).isGreaterThanOrEqualTo(before);
      assertThat(first.process.isAlive()).as("the first was still writing").isTrue();
      first.signal("TERM");
      assertThat(first.exit(Duration.ofSeconds(30))).isEqualTo(143);
    }
    // the lock file a killed process leaves behind is not locked: it does not block the next run
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    List<String> resume = args(out);
    resume.add("--resume");
    assertThat(inProcess(resume, stdout, stderr)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyElementsOf(expected());
    assertThat(OutputLock.lockFileOf(out)).as("the lock file is removed at the end").doesNotExist();
  }

  @Test
  void sigintKeepsFinishedWindowsAndSaysHowToResume() throws Exception {
    interruptThenResume("INT", 130);
  }

  @Test
  void sigtermKeepsFinishedWindowsAndSaysHowToResume() throws Exception {
    interruptThenResume("TERM", 143);
  }

  private void interruptThenResume(String signal, int expectedExit) throws Exception {
    Path out = dir.resolve("interrupted.jsonl");
    try (KorescoreProcess fetch = KorescoreProcess.start(dir, "fetch-" + signal, args(out))) {
      assertThat(fetch.await(() -> windowsSaved(out, 2), Duration.ofSeconds(60))).as("two windows saved").isTrue();
      if (signal.equals("INT")) {
        assumeFalse(fetch.ignoresSigint(), "this test's process ignores SIGINT (a background job); the JVM keeps it ignored");
      }
      fetch.signal(signal);
      assertThat(fetch.exit(Duration.ofSeconds(30))).isEqualTo(expectedExit);
      String err = fetch.err();
      assertThat(err.lines().filter(line -> line.contains("interrupted"))).singleElement().satisfies(line ->
          assertThat(line).matches("korescore: interrupted after \\d+ records \\(\\d+ of 7 windows saved\\); rerun with --resume"));
    }
    JsonNode checkpoint = JsonMapper.builder().build().readTree(Path.of(out + ".checkpoint").toFile());
    assertThat(checkpoint.path("windows").size()).isBetween(2, 6);
    assertThat(Files.size(out)).isGreaterThanOrEqualTo(checkpoint.path("outputBytes").asLong());

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    List<String> resume = args(out);
    resume.add("--resume");
    assertThat(inProcess(resume, stdout, stderr)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(stdout.toString()).contains("from an earlier run").contains("COMPLETE");
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyElementsOf(expected());
  }
}
