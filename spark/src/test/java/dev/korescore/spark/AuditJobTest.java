package dev.korescore.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark in {@code local[2]}, over data from the testkit generator, against the CLI's
 * shaded jar ({@code java -jar ... audit --format jsonl}) as the oracle.
 */
class AuditJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;
  @TempDir static Path shared;
  private static Path plain;
  private static Path gzipped;
  private static List<GeneratedInteraction> generated;
  /** The CLI's rows for both input files under the default policy. */
  private static List<String> cliDefaultRows;

  @TempDir Path dir;

  @BeforeAll
  static void startSparkAndWriteTheInput() throws IOException, InterruptedException {
    spark = LocalSpark.session();
    generated = InteractionGenerator.builder().seed(16).count(3000).discrepancyShare(0.1).build().stream().toList();
    plain = shared.resolve("day-1.jsonl");
    gzipped = shared.resolve("day-2.jsonl.gz");
    Files.write(plain, lines(generated.subList(0, 2000)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write(lines(generated.subList(2000, generated.size())));
    }
    cliDefaultRows = cliRows(List.of(), plain, gzipped);
  }

  private static byte[] lines(List<GeneratedInteraction> records) {
    return records.stream().map(GeneratedInteraction::wireJson).collect(Collectors.joining("\n", "", "\n"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Cli.Result job(String... args) {
    String[] audit = new String[args.length + 1];
    audit[0] = "audit";
    System.arraycopy(args, 0, audit, 1, args.length);
    return Cli.job(spark, audit);
  }

  private static List<String> cliRows(List<String> options, Path... inputs) throws IOException, InterruptedException {
    return Cli.rows(shared, "audit", options, inputs).rows();
  }

  private static List<String> partLines(Path dir) throws IOException {
    return Cli.partLines(dir);
  }

  private static List<String> sorted(List<String> lines) {
    return Cli.sorted(lines);
  }

  @Test
  void jsonlVerdictRowsEqualTheCliAuditRowsExactlyAndTheMergedSummaryCountsThem() throws Exception {
    Path output = dir.resolve("audit");
    Path report = dir.resolve("report.html");

    Cli.Result run = job("--input", shared.resolve("day-*").toString(), "--output", output.toString(), "--format", "jsonl",
        "--report", report.toString());

    List<String> expected = cliDefaultRows;
    assertThat(expected).hasSize(3000);
    List<String> rows = partLines(output.resolve("verdicts"));
    assertThat(sorted(rows)).isEqualTo(sorted(expected));
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("audit: 3,000 interactions").contains("0 rejected records");

    Map<String, Long> kinds = expected.stream()
        .collect(Collectors.groupingBy(line -> readTree(line).get("verdict").asText(), TreeMap::new,
            Collectors.counting()));
    JsonNode totals = JSON.readTree(partLines(output.resolve("summary/totals")).get(0));
    assertThat(totals.get("interactions").asLong()).isEqualTo(3000);
    kinds.forEach((kind, count) -> assertThat(totals.get(kind).asLong()).as(kind).isEqualTo(count));
    assertThat(totals.get("rejected").asLong()).isZero();

    AuditSummary oneByOne = sequentialSummary();
    assertThat(partLines(output.resolve("summary/agents")).stream().map(AuditJobTest::readTree)
            .map(n -> n.get("agent").asText() + " " + n.get("interactions").asLong() + " " + n.get("scoreMismatches")
                .asLong() + " " + n.get("korePassed").asLong())
            .sorted().toList())
        .isEqualTo(oneByOne.byAgent().stream()
            .map(g -> g.key() + " " + g.interactions() + " " + g.scoreMismatches() + " " + g.korePassed())
            .sorted().toList());
    assertThat(partLines(output.resolve("summary/days"))).hasSize(oneByOne.daily().size());
    assertThat(partLines(output.resolve("summary/metrics"))).hasSize(oneByOne.metrics().size());
    assertThat(partLines(output.resolve("rejected"))).isEmpty();
    String page = Files.readString(report);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy").contains("3,000")
        .contains("korescore audit");
    assertThat(spark.sparkContext().getConf().get("spark.master")).isEqualTo("local[2]");
    assertThat(Files.list(output.resolve("verdicts")).filter(p -> p.toString().endsWith(".txt")).count())
        .as("several partitions, merged").isGreaterThan(1);
  }

  private static AuditSummary sequentialSummary() {
    KoreAuditor auditor = KoreAuditor.defaults();
    AuditAggregator aggregator = auditor.newAggregator(false);
    for (GeneratedInteraction g : generated) {
      Interaction x = g.interaction();
      aggregator.accept(x, auditor.verify(x));
    }
    return aggregator.summary();
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void parquetVerdictsCarryTheSameValuesAndPolicyOptionsReachEveryPartition() throws Exception {
    Path output = dir.resolve("audit-parquet");
    List<String> policy = List.of("--na", "award-full", "--pass-rule", "greater-than", "--tolerance", "1");
    List<String> args = new ArrayList<>(List.of("--input", plain.toString(), "--output", output.toString()));
    args.addAll(policy);

    Cli.Result run = job(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    Map<String, JsonNode> expected = new TreeMap<>();
    for (String line : cliRows(policy, plain)) {
      JsonNode node = JSON.readTree(line);
      expected.put(node.get("conversationId").asText(), node);
    }
    List<Row> rows = spark.read().parquet(output.resolve("verdicts").toString()).collectAsList();
    assertThat(rows).hasSize(expected.size());
    for (Row row : rows) {
      JsonNode want = expected.get(row.getString(row.fieldIndex("conversationId")));
      assertThat(want).isNotNull();
      assertThat(row.getString(row.fieldIndex("verdict"))).isEqualTo(want.get("verdict").asText());
      assertThat(intOrNull(row, "koreScore")).isEqualTo(want.get("koreScore").isNull() ? null : want.get("koreScore").asInt());
      BigDecimal computed = row.getDecimal(row.fieldIndex("computedScore"));
      if (want.get("computedScore").isNull()) {
        assertThat(computed).isNull();
      } else {
        assertThat(computed).isEqualByComparingTo(want.get("computedScore").decimalValue());
      }
      assertThat(intOrNull(row, "passScore")).isEqualTo(want.get("passScore").isNull() ? null : want.get("passScore").asInt());
      assertThat(boolOrNull(row, "korePassed")).isEqualTo(bool(want.get("korePassed")));
      assertThat(boolOrNull(row, "computedPassed")).isEqualTo(bool(want.get("computedPassed")));
      List<String> reasons = new ArrayList<>();
      want.get("reasons").forEach(r -> reasons.add(r.asText()));
      assertThat(row.getList(row.fieldIndex("reasons"))).isEqualTo(reasons);
    }
    assertThat(spark.read().parquet(output.resolve("summary/totals").toString()).first().<String>getAs("policy"))
        .contains("na=award-full").contains("pass=greater-than").contains("tolerance=1");
  }

  private static Integer intOrNull(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.getInt(i);
  }

  private static Boolean boolOrNull(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.getBoolean(i);
  }

  private static Boolean bool(JsonNode node) {
    return node.isNull() ? null : node.asBoolean();
  }

  @Test
  void badRecordsGoToRejectedWithTheirReasonAndAreCountedAndTheJobGoesOn() throws Exception {
    Path input = dir.resolve("mixed.jsonl");
    List<String> good = generated.subList(0, 5).stream().map(GeneratedInteraction::wireJson).toList();
    Files.write(input, List.of(
        good.get(0),
        "{\"conversationId\":\"c-77\",\"Metrics\":[{\"Metric Name\":\"Policy\",\"Metric Weight\":\"heavy\"}]}",
        good.get(1),
        "{\"conversationId\":\"c-cut\",\"Kore Evaluation Score\":",
        "",
        good.get(2),
        "{\"Kore Evaluation Score\":40}",
        good.get(3),
        good.get(4)));
    Path output = dir.resolve("audit-mixed");

    Cli.Result run = job("--input", input.toString(), "--output", output.toString(), "--format", "jsonl");

    assertThat(run.err()).contains("5 interactions").contains("3 rejected records");
    assertThat(partLines(output.resolve("verdicts"))).hasSize(5);
    List<JsonNode> rejected = partLines(output.resolve("rejected")).stream().map(AuditJobTest::readTree).toList();
    assertThat(rejected).hasSize(3).allSatisfy(r -> assertThat(r.get("source").asText()).endsWith("mixed.jsonl"));
    assertThat(rejected.stream().map(r -> r.get("line").asLong()).sorted().toList()).containsExactly(2L, 4L, 7L);
    assertThat(rejected).anySatisfy(r -> {
      assertThat(r.get("conversationId").asText()).isEqualTo("c-77");
      assertThat(r.get("line").asLong()).isEqualTo(2);
      assertThat(r.get("reason").asText()).contains("Metric Weight").contains("heavy");
      assertThat(r.get("record").asText()).contains("heavy");
    });
    assertThat(rejected).anySatisfy(r -> assertThat(r.get("reason").asText()).startsWith("malformed JSON"));
    assertThat(rejected).anySatisfy(r -> {
      assertThat(r.get("conversationId").isNull()).isTrue();
      assertThat(r.get("reason").asText()).contains("no conversation id");
    });
    assertThat(readTree(partLines(output.resolve("summary/totals")).get(0)).get("rejected").asLong()).isEqualTo(3);
  }

  @Test
  void theParquetOfExportIsReadByItsRawJsonColumn() throws Exception {
    Path table = dir.resolve("interactions.parquet");
    List<Row> rows = generated.subList(0, 300).stream()
        .map(g -> org.apache.spark.sql.RowFactory.create(g.conversationId().value(), g.wireJson()))
        .toList();
    StructType schema = new StructType()
        .add("conversation_id", DataTypes.StringType)
        .add("raw_json", DataTypes.StringType);
    spark.createDataFrame(rows, schema).write().parquet(table.toString());
    Path output = dir.resolve("audit-from-parquet");

    Cli.Result run = job("--input", table.toString(), "--output", output.toString(), "--format", "jsonl");

    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    List<String> expected = cliDefaultRows.stream()
        .filter(line -> rows.stream().anyMatch(r -> line.startsWith("{\"conversationId\":\"" + r.getString(0) + "\",")))
        .toList();
    assertThat(expected).hasSize(300);
    assertThat(sorted(partLines(output.resolve("verdicts")))).isEqualTo(sorted(expected));

    Cli.Result wrongColumn = job("--input", table.toString(), "--output", dir.resolve("x").toString(),
        "--raw-column", "json");
    assertThat(wrongColumn.exit()).isEqualTo(2);
    assertThat(wrongColumn.err()).contains("no column 'json'").contains("conversation_id, raw_json")
        .doesNotContain("Exception");
  }

  @Test
  void usageErrorsAreOneLineWithExit2AndNothingIsOverwritten() throws Exception {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(existing.resolve("keep.txt"), "mine");

    Cli.Result exists = job("--input", plain.toString(), "--output", existing.toString());
    Cli.Result missing = job("--input", dir.resolve("nothing-*.jsonl").toString(), "--output", dir.resolve("o").toString());
    Cli.Result badOption = job("--input", plain.toString(), "--output", dir.resolve("p").toString(), "--na", "sometimes");

    assertThat(exists.exit()).isEqualTo(2);
    assertThat(exists.err()).contains("exists").contains("never overwrites");
    assertThat(Files.readString(existing.resolve("keep.txt"))).isEqualTo("mine");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no input matches");
    assertThat(badOption.exit()).isEqualTo(2);
    assertThat(badOption.err()).contains("--na must be exclude, award-full or count-as-fail, was 'sometimes'");
    for (Cli.Result r : List.of(exists, missing, badOption)) {
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(Files.exists(dir.resolve("o"))).isFalse();
  }
}
