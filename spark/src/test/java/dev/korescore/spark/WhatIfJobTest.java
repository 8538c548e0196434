package dev.korescore.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if job on a real Spark in {@code local[2]}, over data from the testkit generator, against the
 * CLI's shaded jar ({@code java -jar ... whatif --format jsonl}) as the oracle.
 */
class WhatIfJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A change that flips some interactions both ways and names a metric of the generated forms. */
  private static final List<String> CHANGE = List.of("--pass-score", "80", "--weight", "Policy=40", "--na",
      "award-full");
  private static SparkSession spark;
  @TempDir static Path shared;
  private static Path input;
  private static Cli.Rows cli;
  private static List<GeneratedInteraction> generated;

  @TempDir Path dir;

  @BeforeAll
  static void writeTheInputAndAskTheCli() throws IOException, InterruptedException {
    spark = LocalSpark.session();
    generated =
        InteractionGenerator.builder().seed(61).count(1200).discrepancyShare(0.1).build().stream().toList();
    input = shared.resolve("history.jsonl");
    Files.writeString(input, generated.stream().map(GeneratedInteraction::wireJson)
        .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    cli = Cli.rows(shared, "whatif", CHANGE, input);
  }

  private static Cli.Result whatif(List<String> args) {
    List<String> all = new ArrayList<>(List.of("whatif"));
    all.addAll(args);
    return Cli.job(spark, all.toArray(String[]::new));
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void jsonlRowsEqualTheCliWhatIfRowsExactlyAndTheMergedSummaryCountsThem() throws Exception {
    Path output = dir.resolve("whatif");
    Path report = dir.resolve("whatif.html");
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
        "--format", "jsonl", "--report", report.toString()));
    args.addAll(CHANGE);

    Cli.Result run = whatif(args);

    List<String> expected = cli.rows();
    long flips = expected.stream().filter(line -> !"NONE".equals(tree(line).get("flip").asText())).count();
    assertThat(expected).hasSizeGreaterThan(600);
    assertThat(flips).as("the change flips some interactions").isPositive();
    assertThat(Cli.sorted(Cli.partLines(output.resolve("rows")))).isEqualTo(Cli.sorted(expected));
    assertThat(run.exit()).as(run.err()).isEqualTo(cli.exit()).isEqualTo(1);
    assertThat(Files.list(output.resolve("rows")).filter(p -> p.toString().endsWith(".txt")).count())
        .as("several partitions, merged").isGreaterThan(1);

    JsonNode totals = tree(Cli.partLines(output.resolve("summary/totals")).get(0));
    assertThat(totals.get("interactions").asLong()).isEqualTo(1200);
    assertThat(totals.get("rescored").asLong()).isEqualTo(expected.size());
    assertThat(totals.get("flips").asLong()).isEqualTo(flips);
    assertThat(totals.get("passToFail").asLong() + totals.get("failToPass").asLong()).isEqualTo(flips);
    assertThat(totals.get("rejected").asLong()).isZero();
    assertThat(totals.get("change").asText()).contains("pass score 80").contains("'Policy': weight 40");
    assertThat(run.err()).contains("whatif: 1,200 interactions").contains("0 rejected records");

    Map<String, Long> byForm = new HashMap<>();
    expected.forEach(line -> byForm.merge(tree(line).get("form").asText("(no form)"), 1L, Long::sum));
    Map<String, Long> forms = Cli.partLines(output.resolve("summary/forms")).stream().map(WhatIfJobTest::tree)
        .collect(Collectors.toMap(n -> n.get("form").asText(), n -> n.get("rescored").asLong()));
    assertThat(forms).isEqualTo(byForm);
    long shifted = Cli.partLines(output.resolve("summary/shifts")).stream()
        .mapToLong(line -> tree(line).get("interactions").asLong()).sum();
    assertThat(shifted).isEqualTo(expected.stream().filter(line -> !tree(line).get("scoreAfter").isNull()).count());
    List<JsonNode> firstFlips = Cli.partLines(output.resolve("summary/flips")).stream().map(WhatIfJobTest::tree)
        .toList();
    assertThat(firstFlips).allSatisfy(f -> assertThat(f.get("reasons").size()).isPositive());
    assertThat(firstFlips.stream().map(f -> f.get("conversationId").asText()).toList())
        .as("the first flips in input order: partitions merged in order, whatever order their tasks ended in")
        .isEqualTo(expected.stream().map(WhatIfJobTest::tree).filter(n -> !"NONE".equals(n.get("flip").asText()))
            .limit(100).map(n -> n.get("conversationId").asText()).toList());
    assertThat(Cli.partLines(output.resolve("rejected"))).isEmpty();
    assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("korescore what-if")
        .contains("Content-Security-Policy");
  }

  @Test
  void parquetRowsCarryTheSameValuesAndBadRecordsGoToRejected() throws Exception {
    Path mixed = dir.resolve("mixed.jsonl");
    List<String> lines = Files.readAllLines(input).subList(0, 600);
    List<String> withBad = new ArrayList<>(lines);
    withBad.add(7, "{\"conversationId\":\"c-77\",\"Metrics\":[{\"Metric Name\":\"Policy\",\"Metric Weight\":\"heavy\"}]}");
    withBad.add(100, "{\"conversationId\":\"c-cut\",");
    withBad.add(290, "not json");
    withBad.add(550, "{\"conversationId\":\"c-late\",\"Kore Evaluation Score\":\"high\"}");
    Files.write(mixed, withBad);
    assertThat(Files.size(mixed)).as("a file Spark reads in several splits").isGreaterThan(2 * 262144);
    Path output = dir.resolve("whatif-parquet");
    List<String> args = new ArrayList<>(List.of("--input", mixed.toString(), "--output", output.toString()));
    args.addAll(CHANGE);

    Cli.Result run = whatif(args);

    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    assertThat(run.err()).contains("whatif: 600 interactions").contains("4 rejected records");
    // the CLI's rows of the whole input, for the records of these lines (a row depends on its record alone)
    java.util.Set<String> ids = generated.subList(0, 600).stream().map(g -> g.conversationId().value())
        .collect(Collectors.toSet());
    Map<String, JsonNode> expected = new HashMap<>();
    for (String line : cli.rows()) {
      JsonNode node = tree(line);
      if (ids.contains(node.get("conversationId").asText())) {
        expected.put(node.get("conversationId").asText(), node);
      }
    }
    assertThat(expected).hasSizeGreaterThan(300);
    List<Row> rows = spark.read().parquet(output.resolve("rows").toString()).collectAsList();
    assertThat(rows).hasSize(expected.size());
    for (Row row : rows) {
      JsonNode want = expected.get(row.<String>getAs("conversationId"));
      assertThat(want).isNotNull();
      assertThat(row.<BigDecimal>getAs("scoreBefore")).isEqualByComparingTo(want.get("scoreBefore").decimalValue());
      BigDecimal after = row.getAs("scoreAfter");
      if (want.get("scoreAfter").isNull()) {
        assertThat(after).isNull();
      } else {
        assertThat(after).isEqualByComparingTo(want.get("scoreAfter").decimalValue());
      }
      assertThat(row.<Boolean>getAs("passedBefore")).isEqualTo(bool(want.get("passedBefore")));
      assertThat(row.<Boolean>getAs("passedAfter")).isEqualTo(bool(want.get("passedAfter")));
      assertThat(row.<String>getAs("flip")).isEqualTo(want.get("flip").asText());
      assertThat(row.getList(row.fieldIndex("agents"))).isEqualTo(texts(want.get("agents")));
      assertThat(row.getList(row.fieldIndex("queues"))).isEqualTo(texts(want.get("queues")));
      assertThat(row.<String>getAs("form")).isEqualTo(want.get("form").isNull() ? null : want.get("form").asText());
    }
    List<Row> rejected = spark.read().parquet(output.resolve("rejected").toString()).collectAsList();
    assertThat(rejected).hasSize(4).allSatisfy(r -> assertThat(r.<String>getAs("source")).endsWith("mixed.jsonl"));
    assertThat(rejected).anySatisfy(r -> {
      assertThat(r.<String>getAs("conversationId")).isEqualTo("c-77");
      assertThat(r.<Long>getAs("line")).isEqualTo(8);
      assertThat(r.<String>getAs("reason")).contains("Metric Weight").contains("heavy");
    });
    assertThat(rejected.stream().map(r -> r.<Long>getAs("line")).sorted().toList())
        .as("the lines of the file, across Spark's splits of it").containsExactly(8L, 101L, 291L, 551L);
  }

  private static Boolean bool(JsonNode node) {
    return node.isNull() ? null : node.asBoolean();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  @Test
  void aBadChangeOptionIsAOneLineUsageErrorBeforeAnythingIsRead() {
    Path output = dir.resolve("never");

    Cli.Result badWeight = whatif(List.of("--input", input.toString(), "--output", output.toString(), "--weight",
        "Policy=lots"));
    Cli.Result noChange = whatif(List.of("--input", input.toString(), "--output", output.toString()));
    Cli.Result badNa = whatif(List.of("--input", input.toString(), "--output", output.toString(), "--na", "sometimes"));

    assertThat(badWeight.exit()).isEqualTo(2);
    assertThat(badWeight.err()).contains("--weight Policy=lots: the weight must be a whole number, was 'lots'");
    assertThat(noChange.exit()).isEqualTo(2);
    assertThat(noChange.err()).contains("no change given: use --pass-score, --weight");
    assertThat(badNa.exit()).isEqualTo(2);
    assertThat(badNa.err()).contains("--na must be exclude, award-full or count-as-fail, was 'sometimes'");
    for (Cli.Result r : List.of(badWeight, noChange, badNa)) {
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(output).doesNotExist();
  }

  @Test
  void aMetricTheDataLacksIsAUsageErrorNamingTheClosestAndLeavesNoOutput() throws Exception {
    Path small = dir.resolve("small.jsonl");
    Files.write(small, Files.readAllLines(input).subList(0, 200));
    Path output = dir.resolve("typo");

    Cli.Result run = whatif(List.of("--input", small.toString(), "--output", output.toString(), "--weight",
        "Polcy=40"));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("metric 'Polcy' occurs in no re-scored interaction; closest: 'Policy'")
        .doesNotContain("Exception");
    assertThat(output).doesNotExist();
  }

  @Test
  void noJobNamedIsAUsageError() {
    Cli.Result none = Cli.job(spark, "--input", input.toString());
    Cli.Result help = Cli.job(spark, "whatif", "--help");

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("korescore-spark:");
    assertThat(help.exit()).isZero();
  }
}
