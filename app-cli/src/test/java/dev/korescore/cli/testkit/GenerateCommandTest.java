package dev.korescore.cli.testkit;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  private int run(String... args) {
    CommandLine commandLine = CliRun.korescore(out, err);
    ((GenerateCommand) commandLine.getSubcommands().get("generate").getCommand()).stdout = stdout;
    return commandLine.execute(args);
  }

  @Test
  void writesTheGeneratorsRecordsAsJsonLinesAndTheTruth() throws IOException {
    Path file = dir.resolve("records.jsonl");
    Path truth = dir.resolve("truth.jsonl");
    assertThat(run("generate", "--records", "300", "--seed", "3", "--discrepancy-share", "0.1",
        "--out", file.toString(), "--truth", truth.toString())).isZero();

    List<GeneratedInteraction> expected =
        InteractionGenerator.builder().seed(3).count(300).discrepancyShare(0.1).build().stream().toList();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).containsExactlyElementsOf(expected.stream().map(GeneratedInteraction::wireJson).toList());
    long planted = expected.stream().filter(GeneratedInteraction::isPlanted).count();
    List<String> truthLines = Files.readAllLines(truth, StandardCharsets.UTF_8);
    assertThat(truthLines).hasSize((int) planted);
    assertThat(truthLines.get(0)).startsWith("{\"conversationId\":\"c-").contains("\"correctScore\":");
    assertThat(out.toString()).contains("Wrote 300 records (seed 3)").contains(planted + " planted discrepancies");
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    assertThat(run("generate", "--records", "200", "--seed", "9", "--out", a.toString())).isZero();
    assertThat(run("generate", "--records", "200", "--seed", "9", "--out", b.toString())).isZero();
    assertThat(run("generate", "--records", "200", "--seed", "10", "--out", c.toString())).isZero();
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
  }

  @Test
  void writesToStandardOutputWithTheSummaryOnStandardError() {
    assertThat(run("generate", "--records", "5", "--out", "-", "--key-style", "camel-misspelt")).isZero();
    String written = stdout.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(5).allMatch(line -> line.contains("\"koreEvalutionScore\""));
    assertThat(err.toString()).contains("Wrote 5 records");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void ourJsonAdapterReadsEveryGeneratedRecordAsTheGeneratorBuiltIt() throws IOException {
    Path file = dir.resolve("records.jsonl");
    assertThat(run("generate", "--records", "500", "--seed", "21", "--out", file.toString())).isZero();
    List<Interaction> read = new ArrayList<>();
    try (InteractionStream stream = JacksonInteractionReaderAdapter.create()
        .open(file.toString(), Files.newInputStream(file), ReadOptions.strict())) {
      stream.forEachRemaining(read::add);
    }
    List<Interaction> generated =
        InteractionGenerator.builder().seed(21).count(500).build().stream().map(GeneratedInteraction::interaction).toList();
    assertThat(read).containsExactlyElementsOf(generated);
  }

  @Test
  void badSettingsAreUsageErrors() {
    assertThat(run("generate", "--records", "5", "--discrepancy-share", "2", "--out", "-")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("discrepancyShare must be in [0, 1], was 2.0");
    assertThat(run("generate", "--records", "5", "--from", "July", "--out", "-")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run("generate", "--records", "5", "--key-style", "yaml", "--out", "-")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run("generate", "--records", "5")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
  }
}
