package dev.korescore.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.KorescoreCommand;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.SimulatorFixture;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import dev.korescore.testkit.wire.KeyStyle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code korescore sync}, {@code history} and {@code export} against the simulator and a real DuckDB file. */
class SyncCommandTest {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  static final Instant TO = Instant.parse("2024-07-18T00:00:00Z");
  /** Three days after the data: --to defaults to this minus 15 minutes. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-18T00:15:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = KorescoreCommand.newCommandLine();
    CommandLine sync = new CommandLine(new SyncCommand(Map.of(), RetryPolicy.defaults(), CLOCK));
    commandLine.getCommandSpec().removeSubcommand("sync");
    commandLine.addSubcommand("sync", sync);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static List<GeneratedInteraction> generated(int count) {
    return InteractionGenerator.builder().seed(11).count(count).between(FROM, TO).build().stream().toList();
  }

  static KoreSimulator simulator(List<GeneratedInteraction> data) {
    return KoreSimulator.start(SimulatorConfig.builder()
        .dataset(SimulatorDataset.fromGenerated(data.iterator())).rateLimitPerMinute(0).build());
  }

  String[] sync(Path profile, Path store, String... more) {
    List<String> args = new ArrayList<>(List.of("sync", "--profile", profile.toString(), "--store", store.toString(),
        "--rate", "0"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theFirstSyncNeedsAStart() throws Exception {
    try (KoreSimulator sim = simulator(generated(10))) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Run run = run(sync(profile, dir.resolve("k.duckdb")));
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
      assertThat(run.err()).contains("has never been synced completely: give --from").doesNotContain("Exception");
    }
  }

  @Test
  void syncsKeepEveryVersionAndOnlyRealChangesMakeOne() throws Exception {
    List<GeneratedInteraction> data = generated(300);
    try (KoreSimulator sim = simulator(data)) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Path store = dir.resolve("korescore.duckdb");

      Run first = run(sync(profile, store, "--from", "2024-07-15"));
      assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
      assertThat(first.out()).contains("3 windows").contains("new 300, re-scored 0").contains("COMPLETE")
          .contains("High-water mark: 2024-07-18T00:00:00Z");
      assertThat(count(store, "interactions")).isEqualTo(300);

      Run second = run(sync(profile, store));
      assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
      assertThat(second.out()).contains("2024-07-15T00:00:00Z to 2024-07-18T00:00:00Z")
          .contains("new 0, re-scored 0, audit added 0, other changes 0, unchanged 300");
      assertThat(count(store, "interaction_versions")).isEqualTo(300);

      // Kore re-scores three interactions and re-sends a fourth with its keys reordered and re-spaced
      List<Interaction> rescored = new ArrayList<>();
      for (GeneratedInteraction g : data) {
        if (rescored.size() < 3 && g.interaction().koreScore() instanceof KoreScore.Scored s) {
          rescored.add(g.interaction().toBuilder().koreScore(s.score() == 0 ? 1 : s.score() - 1).build());
        }
      }
      GeneratedInteraction reordered = data.get(data.size() - 1);
      List<DatasetRecord> records = new ArrayList<>(SimulatorDataset.fromGenerated(data.iterator())
          .with(rescored, KeyStyle.CAMEL).records());
      records.replaceAll(r -> r.conversationId().equals(reordered.conversationId().value())
          ? new DatasetRecord(r.conversationId(), reversed(r.wireJson()), r.startTime(), r.channel(), r.queues()) : r);
      sim.serve(SimulatorDataset.of(records));

      Run third = run(sync(profile, store));
      assertThat(third.exitCode()).as(third.err()).isEqualTo(ExitCodes.OK);
      assertThat(third.out()).contains("new 0, re-scored 3, audit added 0, other changes 0, unchanged 297");
      assertThat(count(store, "interaction_versions")).isEqualTo(303);

      String id = rescored.get(0).conversationId().value();
      Run history = run("history", "--store", store.toString(), id);
      assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCodes.OK);
      assertThat(history.out()).contains("Conversation " + id + ": 2 versions")
          .contains("v1  ").contains("new: Kore score")
          .contains("v2  ").contains("re-scored: Kore score " + rescored.get(0).koreScore() + " (was ");

      Run unknown = run("history", "--store", store.toString(), "c-nobody");
      assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
      assertThat(unknown.err()).contains("has never seen conversation c-nobody");

      Path csv = dir.resolve("versions.csv");
      Run export = run("export", "--store", store.toString(), "--table", "interaction_versions", "--format", "csv",
          "--out", csv.toString());
      assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
      assertThat(export.err()).contains("exported 303 rows of interaction_versions");
      assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(304);

      Path report = dir.resolve("report.html");
      Run audit = run("audit", "--store", store.toString(), "--report", report.toString());
      assertThat(audit.exitCode()).as(audit.err()).isIn(ExitCodes.OK, ExitCodes.MISMATCH);
      assertThat(audit.out()).contains("300").contains("Weekly trends")
          .containsPattern("2024-07-15 +300 .* 3 +0\\n");
      assertThat(Files.readString(report)).contains("<section id=\"trends\">")
          .contains("<tr><td>2024-07-15</td><td class=\"num\">300</td>");
      Run since = run("audit", "--store", store.toString(), "--since", "2024-07-17", "--format", "jsonl");
      assertThat(since.out().lines().count()).isEqualTo(data.stream()
          .filter(g -> !g.interaction().startTime().orElseThrow().isBefore(Instant.parse("2024-07-17T00:00:00Z")))
          .count());

      byte[] bytes = Files.readAllBytes(store);
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(sim.clientSecret());
    }
  }

  @Test
  void aStoreThatIsNotADatabaseIsAUsageErrorAndStaysUnchanged() throws Exception {
    try (KoreSimulator sim = simulator(generated(5))) {
      Path profile = SimulatorFixture.profile(sim, dir);
      Path notes = dir.resolve("notes.txt");
      Files.writeString(notes, "my notes\n".repeat(100));
      Run run = run(sync(profile, notes, "--from", "2024-07-15"));
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
      assertThat(run.err()).contains(notes + " is not a DuckDB database").doesNotContain("Exception")
          .doesNotContain("SQL");
      assertThat(Files.readString(notes)).isEqualTo("my notes\n".repeat(100));
      assertThat(sim.requests()).isEmpty();
    }
  }

  /** The record with its keys in reverse order at every level, pretty-printed: the same content. */
  static String reversed(String json) {
    try {
      JsonMapper mapper = JsonMapper.builder().build();
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(reverse(mapper, mapper.readTree(json)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode reverse(JsonMapper mapper, JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      Collections.reverse(fields);
      ObjectNode copy = mapper.createObjectNode();
      fields.forEach(f -> copy.set(f.getKey(), reverse(mapper, f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = mapper.createArrayNode();
      node.forEach(e -> copy.add(reverse(mapper, e)));
      return copy;
    }
    return node;
  }

  static long count(Path store, String table) throws Exception {
    java.util.Properties readOnly = new java.util.Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store, readOnly);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
