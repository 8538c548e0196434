package dev.korescore.cli.store;

import static dev.korescore.cli.store.SyncCommandTest.generated;
import static dev.korescore.cli.store.SyncCommandTest.run;
import static dev.korescore.cli.store.SyncCommandTest.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.SimulatorFixture;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.store.SyncCommandTest.Run;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code korescore whatif --store}: a real DuckDB store synced from the simulator, against a file of its records. */
class WhatIfStoreTest {
  private static final String[] CHANGE = {"--pass-score", "75", "--fatal", "Policy", "--format", "jsonl"};

  @TempDir Path dir;

  private static String[] whatif(String... args) {
    return Stream.concat(Stream.of("whatif"), Stream.concat(Arrays.stream(CHANGE), Arrays.stream(args)))
        .toArray(String[]::new);
  }

  /** The rows, sorted: a store returns its records in its own order. */
  private static List<String> rows(Run run) {
    return run.out().lines().sorted().toList();
  }

  @Test
  void aStoreGivesTheRowsAndExitCodeOfAFileOfTheSameRecordsAndSinceFilters() throws Exception {
    List<GeneratedInteraction> data = generated(150);
    Path store = dir.resolve("korescore.duckdb");
    try (KoreSimulator sim = simulator(data)) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Run sync = run("sync", "--profile", profile.toString(), "--store", store.toString(), "--rate", "0",
          "--from", "2024-07-15");
      assertThat(sync.exitCode()).as(sync.err()).isEqualTo(ExitCodes.OK);
    }
    Path file = dir.resolve("records.jsonl");
    Files.write(file, SimulatorDataset.fromGenerated(data.iterator()).records().stream()
        .map(DatasetRecord::wireJson).map(json -> json.replace('\n', ' ').replace('\r', ' ')).toList(),
        StandardCharsets.UTF_8);
    byte[] storeBefore = Files.readAllBytes(store);

    Run fromFile = run(whatif(file.toString()));
    Run fromStore = run(whatif("--store", store.toString()));
    assertThat(fromFile.exitCode()).as(fromFile.err()).isEqualTo(ExitCodes.MISMATCH);
    assertThat(fromStore.exitCode()).as(fromStore.err()).isEqualTo(fromFile.exitCode());
    assertThat(rows(fromStore)).hasSizeGreaterThan(100).isEqualTo(rows(fromFile));
    assertThat(fromStore.err()).isEqualTo(fromFile.err()).startsWith("korescore whatif: 150 interactions");

    Instant since = Instant.parse("2024-07-17T00:00:00Z");
    Set<String> later = data.stream().filter(g -> !g.interaction().startTime().orElseThrow().isBefore(since))
        .map(g -> g.conversationId().value()).collect(Collectors.toSet());
    assertThat(later).isNotEmpty().hasSizeLessThan(data.size());
    Run sinceRun = run(whatif("--store", store.toString(), "--since", "2024-07-17"));
    assertThat(sinceRun.exitCode()).as(sinceRun.err()).isIn(ExitCodes.OK, ExitCodes.MISMATCH);
    assertThat(rows(sinceRun)).isNotEmpty()
        .isEqualTo(rows(fromFile).stream().filter(row -> later.stream().anyMatch(id -> row.contains("\"" + id + "\"")))
            .toList());
    assertThat(sinceRun.err()).startsWith("korescore whatif: " + later.size() + " interactions");

    Path report = dir.resolve("whatif.html");
    Run text = run("whatif", "--pass-score", "75", "--store", store.toString(), "--report", report.toString());
    assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.MISMATCH);
    assertThat(text.out()).contains("What if: pass score 75");
    assertThat(Files.readString(report)).contains("store " + store);

    assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
  }

  @Test
  void storeUsageErrorsExitTwoAndNameTheProblem() throws Exception {
    Path store = dir.resolve("korescore.duckdb");
    Path file = dir.resolve("records.jsonl");
    Files.writeString(file, "");

    Run both = run(whatif("--store", store.toString(), file.toString()));
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(both.err()).contains("give input FILEs or --store, not both").doesNotContain("Exception");

    Run since = run(whatif("--since", "2024-07-17", file.toString()));
    assertThat(since.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(since.err()).contains("--since goes with --store");

    Run badSince = run(whatif("--store", store.toString(), "--since", "last week"));
    assertThat(badSince.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(badSince.err()).contains("--since").doesNotContain("Exception");

    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "my notes\n".repeat(100));
    Run overStore = run(whatif("--store", notes.toString(), "--out", notes.toString()));
    assertThat(overStore.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(overStore.err()).contains("--out " + notes + " is the input " + notes);
    Run reportOverStore = run(whatif("--store", notes.toString(), "--report", notes.toString()));
    assertThat(reportOverStore.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(reportOverStore.err()).contains("--report " + notes + " is the input " + notes);

    Run notAStore = run(whatif("--store", notes.toString()));
    assertThat(notAStore.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(notAStore.err()).contains(notes + " is not a DuckDB database").doesNotContain("Exception")
        .doesNotContain("SQL");
    assertThat(Files.readString(notes)).isEqualTo("my notes\n".repeat(100));
  }
}
