package dev.korescore.cli.demo;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.korescore(out, err, args);
  }

  @Test
  void fetchesAuditsAndFindsEveryPlantedDiscrepancyWithNoFalseAlarm() throws IOException {
    Path outDir = dir.resolve("korescore-demo");
    int code = run("demo", "--out-dir", outDir.toString(), "--records", "600", "--days", "3", "--seed", "11",
        "--discrepancy-share", "0.08");
    assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);

    List<GeneratedInteraction> generated = InteractionGenerator.builder().seed(11).count(600).discrepancyShare(0.08)
        .between(Instant.parse("2024-07-15T00:00:00Z"), Instant.parse("2024-07-15T00:00:00Z").plus(Duration.ofDays(3)))
        .build().stream().toList();
    long planted = generated.stream().filter(GeneratedInteraction::isPlanted).count();
    assertThat(planted).isPositive();
    assertThat(out.toString())
        .contains("korescore demo: 600 generated interactions (seed 11) over 3 days, " + planted + " with a planted discrepancy")
        .contains("Fetched     600 records")
        .contains("all complete")
        .contains("Found " + planted + " of " + planted)
        .contains("with no false alarm");

    // the records arrived exactly as the simulator served them
    List<String> fetched = Files.readAllLines(outDir.resolve("records.jsonl"), StandardCharsets.UTF_8);
    assertThat(fetched).containsExactlyInAnyOrderElementsOf(generated.stream().map(GeneratedInteraction::wireJson).toList());
    List<String> audit = Files.readAllLines(outDir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
    assertThat(audit).hasSize(600);
    assertThat(audit.stream().filter(line -> line.contains("MISMATCH")).count()).isEqualTo(planted);
    assertThat(Files.readAllLines(outDir.resolve("audit.csv"), StandardCharsets.UTF_8)).hasSize(601);
    assertThat(Files.readString(outDir.resolve("report.html"))).contains("<html").contains("korescore demo");
    assertThat(out.toString() + err).doesNotContain("eyJ");

    // the second act: the store caught exactly the re-scores and audits the simulator made
    assertThat(out.toString())
        .contains("5. Synced      3 windows into " + outDir.resolve("korescore.duckdb") + " (run 1): new 600")
        .containsPattern("6\\. Kore +re-scores 6 interactions and completes 5 manual audits")
        .contains("(run 2): new 0, re-scored 6, audit added 5, other changes 0, unchanged 589")
        .contains("-> v2 re-scored (Kore score ")
        .contains("-> v2 audit added (Kore score ");
  }

  @Test
  void runsWithoutFaultsToo() {
    assertThat(run("demo", "--out-dir", dir.resolve("plain").toString(), "--records", "150", "--days", "1", "--no-faults"))
        .as(out + "\n" + err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Fetched     150 records").contains("with no false alarm");
  }

  @Test
  void refusesBadSettings() {
    assertThat(run("demo", "--records", "0", "--out-dir", dir.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
  }
}
