package dev.korescore.cli.whatif;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfCommandTest {
  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return CliRun.korescore(out, err, args);
  }

  private Path seed() throws IOException {
    Path file = dir.resolve("seed.json");
    if (!Files.exists(file)) {
      try (InputStream in = WhatIfCommandTest.class.getResourceAsStream("/dev/korescore/cli/audit/seed-sample-response.json")) {
        Files.copy(in, file);
      }
    }
    return file;
  }

  private Path generated() {
    Path file = dir.resolve("generated.jsonl");
    if (!Files.exists(file)) {
      assertThat(run("generate", "--records", "400", "--seed", "11", "--out", file.toString())).isZero();
    }
    return file;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static List<JsonNode> jsonLines(String text) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(mapper.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void aLowerPassScoreFlipsTheSeedSampleAndExitsOne() throws IOException {
    assertThat(run("whatif", "--pass-score", "35", seed().toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("What if: pass score 35")
        .containsPattern("re-scored\\s+2")
        .containsPattern("Affected\\s+2")
        .containsPattern("Flips\\s+2  \\(pass -> fail 0, fail -> pass 2\\)")
        .contains("Pass rate              before 0.0% of 2, after 100.0% of 2 (+100.0 points)")
        .contains("Agents that move most:")
        .contains("  Technical Support  (qu-20e6d30-e133-4651-8b4a-7e82ea1dxxxx)           2     0.0%   100.0%   +100.0")
        .containsPattern("unchanged\\s+2  100\\.0%")
        .contains("c-89da2cc-512d-4e26-9404-18481299xxxx  FAIL_TO_PASS")
        .contains("    pass score 70 -> 35")
        .contains("    score 40 -> 40, failed -> passed")
        .contains("2 interactions flip (0 pass -> fail, 2 fail -> pass).");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aChangeThatFlipsNothingExitsZero() throws IOException {
    assertThat(run("whatif", "--weight", "Policy=0", seed().toString())).isZero();
    assertThat(out.toString()).containsPattern("Affected\\s+2").contains("Nothing flips.")
        .containsPattern("10 to 20\\s+2");
  }

  @Test
  void jsonLinesHaveExactlyTheDocumentedKeys() throws IOException {
    assertThat(run("whatif", "--format", "jsonl", "--fatal", "Policy", "--pass-score", "30", seed().toString()))
        .isZero();
    List<JsonNode> rows = jsonLines(out.toString());
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      List<String> keys = new ArrayList<>();
      row.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("conversationId", "scoreBefore", "passedBefore", "scoreAfter", "passedAfter",
          "flip", "agents", "queues", "form");
      assertThat(row.get("scoreBefore").decimalValue()).isEqualByComparingTo("40");
      assertThat(row.get("passedBefore").booleanValue()).isFalse();
      assertThat(row.get("scoreAfter").decimalValue()).isEqualByComparingTo("0");
      assertThat(row.get("passedAfter").booleanValue()).isFalse();
      assertThat(row.get("flip").asText()).isEqualTo("NONE");
      assertThat(row.get("agents").get(0).asText()).isEqualTo("Demo (a-5cd64b6-6634-4797-830d-e22c0474xxxx)");
      assertThat(row.get("queues").get(0).asText())
          .isEqualTo("Technical Support  (qu-20e6d30-e133-4651-8b4a-7e82ea1dxxxx)");
      assertThat(row.get("form").isNull()).isTrue();
    }
    assertThat(err.toString()).startsWith("korescore whatif: 2 interactions, 2 re-scored, 2 affected");
  }

  @Test
  void csvHasTheSameColumnsAndNeutralisesFormulas() throws IOException {
    String record = Files.readString(seed()).replace("\"Demo\"", "\"=HYPERLINK(1)\"");
    Path evil = write("evil.json", record);
    assertThat(run("whatif", "--format", "csv", "--pass-score", "35", evil.toString())).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("conversationId,scoreBefore,passedBefore,scoreAfter,passedAfter,flip,agents,"
        + "queues,form");
    assertThat(lines.get(1)).isEqualTo("\"c-89da2cc-512d-4e26-9404-18481299xxxx\",40,false,40,true,FAIL_TO_PASS,"
        + "\"'=HYPERLINK(1) (a-5cd64b6-6634-4797-830d-e22c0474xxxx)\",\"Technical Support  "
        + "(qu-20e6d30-e133-4651-8b4a-7e82ea1dxxxx)\",");
    assertThat(lines).hasSize(3);
  }

  @Test
  void theChangeAsAJsonDocumentGivesWhatTheFlagsGive() throws IOException {
    Path data = generated();
    Path change = write("change.json", """
        {"passScore": 75, "na": "award-full",
         "metrics": {"Policy": {"weight": 40, "fatal": true}, "Closing": {"drop": true}, "Empathy": {"negativeWeight": 5}}}
        """);
    int fromFile = run("whatif", "--format", "jsonl", "--change", change.toString(), data.toString());
    String rowsFromFile = out.toString();
    assertThat(fromFile).as(err.toString()).isEqualTo(1);
    int fromFlags = run("whatif", "--format", "jsonl", "--pass-score", "75", "--na", "award-full", "--weight",
        "Policy=40", "--fatal", "Policy", "--drop", "Closing", "--negative-weight", "Empathy=5", data.toString());
    assertThat(fromFlags).isEqualTo(fromFile).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(rowsFromFile);
    List<JsonNode> rows = jsonLines(rowsFromFile);
    assertThat(rows).hasSizeGreaterThan(300).hasSizeLessThan(400);
    assertThat(rows).anySatisfy(r -> assertThat(r.get("flip").asText()).isEqualTo("PASS_TO_FAIL"));
    assertThat(err.toString()).containsPattern("whatif: 400 interactions, \\d+ re-scored")
        .containsPattern("[1-9]\\d* not auditable");
  }

  @Test
  void aChangeForOneFormLeavesTheOtherFormsAlone() throws IOException {
    Path data = generated();
    assertThat(run("whatif", "--form", "Support QA", "--pass-score", "100", data.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("What if: form 'Support QA': pass score 100")
        .containsPattern("re-scored\\s+\\d+  \\(\\d+ of form 'Support QA'\\)");
    assertThat(run("whatif", "--form", "Support QA", "--pass-score", "100", "--format", "jsonl", data.toString()))
        .isEqualTo(1);
    for (JsonNode row : jsonLines(out.toString())) {
      if (!row.get("form").asText().strip().equals("Support QA")) {
        assertThat(row.get("flip").asText()).isEqualTo("NONE");
        assertThat(row.get("scoreAfter")).isEqualTo(row.get("scoreBefore"));
      }
    }
  }

  @Test
  void aMetricOccurringNowhereIsAnErrorNamingTheClosestNames() throws IOException {
    Path target = dir.resolve("rows.jsonl");
    assertThat(run("whatif", "--fatal", "Polcy", "--format", "jsonl", "--out", target.toString(), seed().toString()))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("korescore: metric 'Polcy' occurs in no re-scored interaction; closest: 'Policy', 'QQQQQq',"
            + " 'playbook'");
    assertThat(target).doesNotExist();
    assertThat(dir.resolve(".rows.jsonl.partial")).doesNotExist();

    assertThat(run("whatif", "--form", "Voice Quality", "--pass-score", "50", generated().toString())).isNotEqualTo(2);
    assertThat(run("whatif", "--form", "Voice Qualty", "--pass-score", "50", generated().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("form 'Voice Qualty' occurs in no interaction; closest: 'Voice Quality'");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() throws IOException {
    String seed = seed().toString();
    assertThat(run("whatif", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("no change given: use --pass-score");
    assertThat(run("whatif", "--fatal", "Policy", "--not-fatal", "Policy", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("--not-fatal Policy: the metric already has fatal");
    assertThat(run("whatif", "--drop", "Policy", "--weight", "Policy=3", seed)).isEqualTo(2);
    assertThat(run("whatif", "--weight", "Policy", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("--weight takes METRIC=W, such as 'Policy=40', was 'Policy'");
    assertThat(run("whatif", "--weight", "Policy=heavy", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("the weight must be a whole number, was 'heavy'");
    assertThat(run("whatif", "--pass-score", "101", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("pass score must be between 0 and 100, was 101");
    assertThat(run("whatif", "--na", "sometimes", "--pass-score", "1", seed)).isEqualTo(2);
    assertThat(run("whatif", "--current-na", "sometimes", "--pass-score", "1", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("invalid value for --current-na: --current-na must be exclude, award-full or"
        + " count-as-fail");
    Path change = write("c.json", "{\"passScore\": 75}");
    assertThat(run("whatif", "--change", change.toString(), "--pass-score", "3", seed)).isEqualTo(2);
    assertThat(err.toString()).contains("give the change as --change FILE or as flags, not both");
    Path bad = write("bad.json", "{\n  \"pasScore\": 75\n}");
    assertThat(run("whatif", "--change", bad.toString(), seed)).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("korescore: the change " + bad
        + ":2:3: unknown field 'pasScore' (a change has form, passScore, na, metrics)");
    assertThat(run("whatif", "--change", dir.resolve("none.json").toString(), seed)).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    assertThat(run("whatif", "--pass-score", "3", "--out", seed, seed)).isEqualTo(2);
    assertThat(err.toString()).contains("korescore never writes over its input");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void badInputIsReportedExactlyAsAuditReportsIt() throws IOException {
    Path bad = write("bad.jsonl", Files.readString(Path.of("src/test/resources/dev/korescore/cli/audit/bad-record.jsonl")));
    int audit = run("audit", bad.toString());
    String auditError = err.toString();
    int whatif = run("whatif", "--pass-score", "50", bad.toString());
    assertThat(whatif).isEqualTo(audit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(auditError);
    assertThat(run("whatif", "--pass-score", "50", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read " + dir.resolve("missing.jsonl") + ": no such file");
  }

  @Test
  void namesFromTheDataCannotDriveTheTerminal() throws IOException {
    String record = Files.readString(seed()).replace("\"Demo\"", "\"Demo\\u001b[31m\"");
    Path evil = write("evil.json", record);
    assertThat(run("whatif", "--pass-score", "35", evil.toString())).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("\u001b").contains("Demo\\x1B[31m");
  }

  @Test
  void theReportIsWrittenBesideTheRows() throws IOException {
    Path page = dir.resolve("whatif.html");
    Path rows = dir.resolve("rows.csv");
    assertThat(run("whatif", "--pass-score", "35", "--format", "csv", "--out", rows.toString(), "--report",
        page.toString(), seed().toString())).isEqualTo(1);
    assertThat(Files.readString(rows)).startsWith("conversationId,scoreBefore");
    assertThat(Files.readString(page)).contains("<title>korescore what-if</title>", "id=\"flip-table\"",
        "<span class=\"source\">" + seed() + "</span>", "pass score 70 -&gt; 35");
    assertThat(run("whatif", "--pass-score", "35", "--report", seed().toString(), seed().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--report " + seed() + " is the input");
  }

  @Test
  void aDeviceIsWrittenAsItIsNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "a system with /dev/null");
    assertThat(run("whatif", "--pass-score", "35", "--format", "jsonl", "--out", devNull.toString(), seed().toString()))
        .isEqualTo(1);
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpListsTheExitCodes() {
    assertThat(run("whatif", "--help")).isZero();
    assertThat(out.toString()).contains("--pass-score=N", "--weight=METRIC=W", "--change=FILE", "--form=NAME")
        .contains("1   at least one interaction flips");
  }
}
