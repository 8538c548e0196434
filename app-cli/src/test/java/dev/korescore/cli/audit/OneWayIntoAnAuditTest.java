package dev.korescore.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.CliRun;
import dev.korescore.cli.SimulatorFixture;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One way into an audit: the same records read from a file, fetched from Kore (the simulator over
 * loopback) or synced into a store give byte-identical rows, the same exit code and the same kind of
 * message.
 */
class OneWayIntoAnAuditTest {
  @TempDir Path dir;

  /** A spaced-2024 record starting at {@code minute} past 10:00 on 2024-07-18, with extra fields. */
  private static String record(String idKey, String id, int minute, String score, String extra) {
    return "{\"" + idKey + "\":\"" + id + "\",\"Conversation Start Time\":\"2024-07-18T10:" + String.format("%02d", minute)
        + ":00Z\",\"src\":\"voice\"," + extra + "\"Kore Evaluation Score\":" + score + ",\"Pass Score\":50,"
        + "\"Is Passed\":false,\"Metrics\":[{\"Metric Name\":\"Greeting\",\"Metric Weight\":10,\"Qualification\":\"YES\"},"
        + "{\"Metric Name\":\"Policy\",\"Metric Weight\":15,\"Qualification\":\"NO\"}]}";
  }

  private static final List<String> GOOD = List.of(
      record("Conversation ID", "c-1", 1, "40", ""),
      record("Conversation ID", "c-2", 2, "40", "\"Sentiment Score\":\"lots\",\"Topics\":\"none\","),
      record("conversation-id", "c-3", 3, "40", ""),
      record("Conversation ID", "c-4", 4, "75", ""));

  private static final String BAD = record("Conversation ID", "c-bad", 5, "\"high\"", "");

  private record Run(int code, String out, String err) {}

  private Run fromFile(List<String> records, String... options) throws IOException {
    Path file = dir.resolve("records.jsonl");
    Files.writeString(file, String.join("\n", records) + "\n", StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("audit", "--format", "jsonl"));
    args.addAll(List.of(options));
    args.add(file.toString());
    return run(args);
  }

  private Run fetched(List<String> records, String... options) throws IOException {
    List<DatasetRecord> dataset = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      dataset.add(new DatasetRecord("r-" + i, records.get(i), Instant.parse("2024-07-18T10:00:00Z").plusSeconds(60L * (i + 1)),
          Optional.of("voice"), List.of()));
    }
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(SimulatorDataset.of(dataset))
        .rateLimitPerMinute(0).build())) {
      Path profile = SimulatorFixture.profile(sim, dir);
      List<String> args = new ArrayList<>(List.of("audit", "--format", "jsonl", "--from", "2024-07-18", "--to",
          "2024-07-19", "--profile", profile.toString(), "--rate", "0"));
      args.addAll(List.of(options));
      return run(args);
    }
  }

  /** The records synced from the simulator into a new DuckDB store, then audited from the store. */
  private Run stored(List<String> records, String... options) throws IOException {
    List<DatasetRecord> dataset = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      dataset.add(new DatasetRecord("r-" + i, records.get(i), Instant.parse("2024-07-18T10:00:00Z").plusSeconds(60L * (i + 1)),
          Optional.of("voice"), List.of()));
    }
    Path store = dir.resolve("store.duckdb");
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(SimulatorDataset.of(dataset))
        .rateLimitPerMinute(0).build())) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Run sync = run(List.of("sync", "--profile", profile.toString(), "--store", store.toString(), "--rate", "0",
          "--from", "2024-07-18", "--to", "2024-07-19"));
      assertThat(sync.code()).as(sync.err()).isEqualTo(ExitCodes.OK);
    }
    List<String> args = new ArrayList<>(List.of("audit", "--format", "jsonl", "--store", store.toString()));
    args.addAll(List.of(options));
    return run(args);
  }

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CliRun.korescore(out, err, args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theSameRecordsFromAFileAndFetchedGiveTheSameRowsAndExitCode() throws IOException {
    Run file = fromFile(GOOD);
    Run kore = fetched(GOOD);

    assertThat(file.code()).as(file.err()).isEqualTo(ExitCodes.MISMATCH);
    assertThat(kore.code()).as(kore.err()).isEqualTo(file.code());
    assertThat(kore.out()).isEqualTo(file.out());
    assertThat(file.out().lines()).hasSize(4);
    assertThat(file.out()).contains("\"conversationId\":\"c-2\",\"verdict\":\"MATCH\"")
        .contains("\"conversationId\":\"c-3\",\"verdict\":\"MATCH\"")
        .contains("\"conversationId\":\"c-4\",\"verdict\":\"SCORE_MISMATCH\"");
  }

  @Test
  void aBadRecordStopsBothAlikeNamingItsPlaceAndNoOptionTheCommandLacks() throws IOException {
    List<String> records = List.of(GOOD.get(0), GOOD.get(1), BAD, GOOD.get(2));
    Run file = fromFile(records);
    Run kore = fetched(records);

    assertThat(file.code()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(kore.code()).isEqualTo(file.code());
    assertThat(file.err()).contains("records.jsonl:3:").contains("(conversation c-bad)");
    assertThat(kore.err()).contains("kore:3:").contains("(conversation c-bad)")
        .doesNotContain("--resume").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(kore.err().substring(kore.err().indexOf("(conversation")))
        .isEqualTo(file.err().substring(file.err().indexOf("(conversation")));
  }

  @Test
  void skippingBadRecordsSkipsTheSameRecordEitherWay() throws IOException {
    List<String> records = List.of(GOOD.get(0), BAD, GOOD.get(2), GOOD.get(3));
    Run file = fromFile(records, "--skip-bad-records");
    Run kore = fetched(records, "--skip-bad-records");

    assertThat(file.code()).isEqualTo(ExitCodes.MISMATCH);
    assertThat(kore.code()).isEqualTo(file.code());
    assertThat(kore.out()).isEqualTo(file.out());
    assertThat(file.out().lines()).hasSize(3);
    assertThat(file.err()).contains("skipped 1 bad record; the first: " + dir.resolve("records.jsonl") + ":2:");
    assertThat(kore.err()).contains("skipped 1 bad record; the first: kore:2:");
  }

  @Test
  void theSameRecordsFromAStoreGiveTheSameRowsAndExitCodeAsFromAFile() throws IOException {
    List<String> records = List.of(GOOD.get(0), GOOD.get(2), GOOD.get(3));
    Run file = fromFile(records);
    Run store = stored(records);

    assertThat(file.code()).as(file.err()).isEqualTo(ExitCodes.MISMATCH);
    assertThat(store.code()).as(store.err()).isEqualTo(file.code());
    assertThat(store.out()).isEqualTo(file.out());
    assertThat(store.out().lines()).hasSize(3);
  }

  @Test
  void anEmptyStoreIsNoInteractionsLikeAnEmptyFileUnlessAllowed() throws IOException {
    Run store = stored(List.of(record("Conversation ID", "c-1", 1, "40", "")), "--since", "2025-01-01");

    assertThat(store.code()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(store.err()).contains("no interactions in store ").contains("--allow-empty");
    Run allowed = run(List.of("audit", "--store", dir.resolve("store.duckdb").toString(), "--since", "2025-01-01",
        "--allow-empty", "--format", "jsonl"));
    assertThat(allowed.code()).as(allowed.err()).isEqualTo(ExitCodes.OK);
    assertThat(allowed.out()).isEmpty();
  }
}
