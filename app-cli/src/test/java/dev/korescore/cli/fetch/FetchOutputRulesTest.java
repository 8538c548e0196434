package dev.korescore.cli.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.KorescoreCommand;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code korescore fetch}'s rules for its output file, through the real command line. */
class FetchOutputRulesTest {
  static KoreSimulator sim;
  static List<DatasetRecord> dataset;

  @TempDir Path dir;
  Path out;
  Path profile;
  StringWriter stdout;
  StringWriter stderr;

  @BeforeAll
  static void start() {
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(21).count(90).build());
    dataset = data.records();
    sim = KoreSimulator.start(SimulatorConfig.builder().dataset(data).rateLimitPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    out = dir.resolve("kore.jsonl");
    profile = dev.korescore.cli.SimulatorFixture.profile(sim, dir);
  }

  int korescore(String... more) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    List<String> args = new ArrayList<>(List.of("fetch", "--profile", profile.toString(), "--from", "2024-07-15",
        "--to", "2024-07-22", "--rate", "0"));
    args.addAll(List.of(more));
    CommandLine commandLine = KorescoreCommand.newCommandLine(args.toArray(String[]::new));
    commandLine.setOut(new PrintWriter(stdout, true));
    commandLine.setErr(new PrintWriter(stderr, true));
    return commandLine.execute(args.toArray(String[]::new));
  }

  List<String> expected() {
    return dataset.stream().map(r -> r.wireJson().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList();
  }

  @Test
  void anExistingOutputNeedsResumeOrOverwrite() throws IOException {
    Files.writeString(out, "precious\n");
    assertThat(korescore("--out", out.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains(out + " already exists: add --resume to continue its download, or --overwrite");
    assertThat(Files.readString(out)).isEqualTo("precious\n");

    assertThat(korescore("--out", out.toString(), "--overwrite")).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected());

    assertThat(korescore("--out", out.toString())).as("a second run is refused too").isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(korescore("--out", out.toString(), "--overwrite")).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out)).as("overwritten, never appended").containsExactlyElementsOf(expected());
  }

  @Test
  void resumeWithoutACheckpointHasNothingToResume() throws IOException {
    assertThat(korescore("--out", out.toString(), "--resume")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("nothing to resume").contains(out + ".checkpoint");
    Files.writeString(out, "not from fetch\n");
    assertThat(korescore("--out", out.toString(), "--resume")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("nothing to resume");
    assertThat(Files.readString(out)).isEqualTo("not from fetch\n");
    assertThat(korescore("--out", out.toString(), "--resume", "--overwrite")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("--resume and --overwrite exclude each other");
  }

  @Test
  void anOutputThatIsADirectoryIsRefused() {
    assertThat(korescore("--out", dir.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("--out " + dir + " is a directory");
  }

  @Test
  void theOutputCannotBeAnInput() throws IOException {
    Path link = dir.resolve("profile-link.properties");
    Files.createLink(link, profile);
    String before = Files.readString(profile);
    assertThat(korescore("--out", link.toString(), "--overwrite")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("is the input").contains("never writes over its input");
    assertThat(Files.readString(profile)).isEqualTo(before);
    assertThat(korescore("--out", dir.resolve("secret.txt").toString(), "--overwrite")).as("the profile's secret file")
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
  }

  @Test
  void dashWritesJsonLinesToStandardOutputAndCannotResume() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = korescore("--out", "-");
    } finally {
      System.setOut(original);
    }
    assertThat(code).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(expected());
    assertThat(stderr.toString()).contains("into standard output").contains("COMPLETE");
    assertThat(dir.resolve("-")).doesNotExist();
    assertThat(Path.of("-.checkpoint")).doesNotExist();

    assertThat(korescore("--out", "-", "--resume")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("--resume needs an --out FILE");
  }

  @Test
  void aRecordAtTheEndBoundIsWrittenOnceByTheWindowItStartsIn() throws IOException {
    // Kore's endDate is inclusive: a record at exactly midnight comes back for the day before as well
    List<DatasetRecord> records = new ArrayList<>();
    String[] starts = {"2024-07-15T10:00:00Z", "2024-07-16T00:00:00Z", "2024-07-16T09:00:00Z", "2024-07-17T00:00:00Z"};
    for (int i = 0; i < starts.length; i++) {
      String id = "c-edge-" + i;
      records.add(new DatasetRecord(id, "{\"Conversation ID\":\"" + id + "\",\"Conversation Start Time\":\"" + starts[i]
          + "\"}", java.time.Instant.parse(starts[i]), java.util.Optional.empty(), List.of()));
    }
    try (KoreSimulator inclusive = KoreSimulator.start(SimulatorConfig.builder().dataset(SimulatorDataset.of(records))
        .rateLimitPerMinute(0).endInclusive(true).build())) {
      Path edgeDir = dir.resolve("edge");
      Files.createDirectories(edgeDir);
      profile = dev.korescore.cli.SimulatorFixture.profile(inclusive, edgeDir);
      stdout = new StringWriter();
      stderr = new StringWriter();
      String[] args = {"fetch", "--profile", profile.toString(), "--from", "2024-07-15", "--to", "2024-07-17",
          "--rate", "0", "--out", out.toString()};
      CommandLine commandLine = KorescoreCommand.newCommandLine(args);
      commandLine.setOut(new PrintWriter(stdout, true));
      commandLine.setErr(new PrintWriter(stderr, true));
      assertThat(commandLine.execute(args)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    }
    assertThat(Files.readAllLines(out)).extracting(line -> line.replaceAll(".*\"(c-edge-\\d)\".*", "$1"))
        .containsExactly("c-edge-0", "c-edge-1", "c-edge-2");
    assertThat(stdout.toString()).contains("COMPLETE")
        .contains("2024-07-15T00:00:00Z/2024-07-16T00:00:00Z total=2 received=1 duplicates=0 outside=1")
        .contains("2024-07-16T00:00:00Z/2024-07-17T00:00:00Z total=3 received=2 duplicates=0 outside=1");
  }
}
