package dev.korescore.cli.audit;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.korescore(out, err, args);
  }

  private Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = AuditCommandTest.class.getResourceAsStream(name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void theSeedSampleMatchesAndExitsZero() throws IOException {
    Path seed = resource("seed-sample-response.json");
    assertThat(run("audit", seed.toString())).isZero();
    assertThat(out.toString())
        .contains("Audited 2 interactions under na=exclude pass=at-least fatal=on clamp=on tolerance=0")
        .containsPattern("match\\s+2  \\(100\\.0% of 2 auditable\\)")
        .contains("Pass rate: Kore 0.0% of 2, recomputed 0.0% of 2")
        .contains("Every auditable interaction matched.");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theSeedSampleAsJsonLinesHasExactlyTheDocumentedKeys() throws IOException {
    Path seed = resource("seed-sample-response.json");
    assertThat(run("audit", "--format", "jsonl", seed.toString())).isZero();
    List<JsonNode> lines = jsonLines(out.toString());
    assertThat(lines).hasSize(2);
    for (JsonNode line : lines) {
      List<String> keys = new ArrayList<>();
      line.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("conversationId", "verdict", "koreScore", "computedScore", "passScore",
          "korePassed", "computedPassed", "reasons");
      assertThat(line.get("verdict").asText()).isEqualTo("MATCH");
      assertThat(line.get("koreScore").intValue()).isEqualTo(40);
      assertThat(line.get("computedScore").isNumber()).isTrue();
      assertThat(line.get("computedScore").decimalValue()).isEqualByComparingTo("40");
      assertThat(line.get("passScore").intValue()).isEqualTo(70);
      assertThat(line.get("korePassed").booleanValue()).isFalse();
      assertThat(line.get("computedPassed").booleanValue()).isFalse();
      assertThat(line.get("reasons").isArray()).isTrue();
      assertThat(line.get("reasons")).isEmpty();
    }
    assertThat(lines.get(0).get("conversationId").asText()).isEqualTo("c-89da2cc-512d-4e26-9404-18481299xxxx");
    assertThat(err.toString()).contains("korescore audit: 2 interactions, 2 match");
  }

  @Test
  void mismatchesAreExplainedAndExitOne() throws IOException {
    Path mixed = resource("mixed.jsonl");
    assertThat(run("audit", mixed.toString())).isEqualTo(1);
    String text = out.toString();
    assertThat(text)
        .containsPattern("match\\s+1  \\(33\\.3% of 3 auditable\\)")
        .containsPattern("score mismatch\\s+1")
        .containsPattern("pass mismatch\\s+1")
        .containsPattern("not auditable\\s+1")
        .containsPattern("invalid\\s+1")
        .contains("Worst agents (most mismatches):")
        .containsPattern("Bob \\(a-2\\)\\s+2 of 2 auditable \\(100\\.0%\\)")
        .contains("Metrics most often in a mismatch:")
        .contains("First 3 problems of 3:")
        .contains("c-award-full  SCORE_MISMATCH")
        .contains("Kore's score 59 is neither the recomputed score 40 rounded down (40) nor rounded up (40)")
        .contains("matches if NA were awarded full weight")
        .contains("c-greater-than  PASS_MISMATCH")
        .contains("passes only under > (score > pass score)")
        .contains("c-invalid  INVALID")
        .contains("metric 'Hold Procedure' has an unrecognised qualification 'Partial'")
        .contains("3 problems found (2 mismatches, 1 invalid).");
  }

  @Test
  void oneLimitKeepsTheProblemsForTheSummaryAndTheReport() throws IOException {
    Path mixed = resource("mixed.jsonl");
    Path report = dir.resolve("report.html");
    assertThat(run("audit", "--problems", "2", "--report", report.toString(), mixed.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("First 2 problems of 3:").doesNotContain("c-invalid  INVALID");
    assertThat(Files.readString(report)).contains("The first 2 of 3 problem interactions.");
  }

  @Test
  void theOtherPolicyMakesTheMismatchAMatch() throws IOException {
    Path mixed = resource("mixed.jsonl");
    assertThat(run("audit", "--na", "award-full", "--pass-rule", "greater-than", "--format", "jsonl",
        "--only-problems", mixed.toString())).isEqualTo(1);
    // award-full explains c-award-full (59) and > explains c-greater-than: only the invalid record is left
    List<JsonNode> lines = jsonLines(out.toString());
    assertThat(lines).extracting(l -> l.get("conversationId").asText()).containsExactly("c-invalid");
    assertThat(lines.get(0).get("verdict").asText()).isEqualTo("INVALID");
    assertThat(lines.get(0).get("computedScore").isNull()).isTrue();
    assertThat(err.toString()).contains("3 match");
  }

  @Test
  void csvHasAHeaderAndOneRowPerInteraction() throws IOException {
    Path mixed = resource("mixed.jsonl");
    Path csv = dir.resolve("audit.csv");
    assertThat(run("audit", "--format", "csv", "--out", csv.toString(), mixed.toString())).isEqualTo(1);
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0))
        .isEqualTo("conversationId,verdict,koreScore,computedScore,passScore,korePassed,computedPassed,reasons");
    assertThat(rows).hasSize(6);
    assertThat(rows.get(1)).startsWith("c-match,MATCH,67,66.666667,60,true,true,");
    assertThat(rows.get(4)).startsWith("c-not-evaluated,NOT_AUDITABLE,,,70,,,");
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("korescore audit: 5 interactions, 1 match, 1 score mismatch, 1 pass mismatch");
  }

  @Test
  void inferPolicyReportsTheShareEachVariantExplains() throws IOException {
    Path mixed = resource("mixed.jsonl");
    assertThat(run("audit", "--infer-policy", mixed.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("Policy inference over 3 evaluated records with valid metrics:")
        .containsPattern("66\\.7%\\s+na=award-full pass=at-least fatal=on");
  }

  @Test
  void gzipAndSeveralFilesAreReadInOrder() throws IOException {
    Path seed = resource("seed-sample-response.json");
    Path gz = dir.resolve("all-match.jsonl.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(resource("all-match.jsonl")));
    }
    assertThat(run("audit", "--format", "jsonl", seed.toString(), gz.toString())).isZero();
    assertThat(jsonLines(out.toString())).extracting(l -> l.get("verdict").asText())
        .containsExactly("MATCH", "MATCH", "MATCH", "MATCH", "NOT_AUDITABLE");
  }

  @Test
  void aBadRecordIsAnInputErrorNamingThePlace() throws IOException {
    Path bad = resource("bad-record.jsonl");
    assertThat(run("audit", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("korescore: " + bad + ":2:")
        .contains("c-broken")
        .doesNotContain("\tat ");
  }

  @Test
  void skipBadRecordsCountsThemAndGoesOn() throws IOException {
    Path bad = resource("bad-record.jsonl");
    assertThat(run("audit", "--skip-bad-records", bad.toString())).isZero();
    assertThat(out.toString()).contains("Audited 1 interactions");
    assertThat(err.toString()).contains("korescore: skipped 1 bad record; the first: " + bad + ":2");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("audit", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read").contains("missing.json: no such file");
    err.getBuffer().setLength(0);
    assertThat(run("audit", "--na", "sometimes")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid value for --na: --na must be exclude, award-full or count-as-fail,"
        + " was the value given").doesNotContain("sometimes").doesNotContain("java.lang");
    err.getBuffer().setLength(0);
    assertThat(run("audit", "--tolerance", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--tolerance must be >= 0");
  }

  @Test
  void helpDocumentsTheOptionsAndExitCodes() {
    assertThat(run("audit", "--help")).isZero();
    assertThat(out.toString())
        .contains("--format", "--na", "--pass-rule", "--tolerance", "--no-fatal", "--infer-policy", "--only-problems",
            "--skip-bad-records", "--out")
        .contains("Exit codes:")
        .contains("1   at least one mismatch");
  }

  @Test
  void auditRunIsReusableWithoutTheCommand() {
    StringWriter rows = new StringWriter();
    AuditResult result = AuditRun.create(AuditOptions.defaults().withFormat(OutputFormat.JSONL))
        .run(dev.korescore.testkit.fixtures.Interactions.seedSample().stream(), rows);
    assertThat(result.exitCode()).isZero();
    assertThat(result.summary().interactions()).isEqualTo(2);
    assertThat(rows.toString().lines()).hasSize(2);

    StringWriter text = new StringWriter();
    AuditResult again = AuditRun.create(AuditOptions.defaults())
        .run(dev.korescore.testkit.fixtures.Interactions.seedSample().iterator(), text);
    assertThat(again.summary()).isEqualTo(result.summary());
    assertThat(text.toString()).contains("Every auditable interaction matched.");
  }

  /** A JSON Lines file of {@code lines} records, the one at {@code badLine} broken. */
  private Path manyLines(int lines, int badLine) throws IOException {
    StringBuilder text = new StringBuilder();
    String pad = "x".repeat(400);
    for (int i = 1; i <= lines; i++) {
      if (i == badLine) {
        text.append("{\"conversationId\":\"c-").append(i).append("\",\"koreEvaluationScore\":\"high\"}\n");
        continue;
      }
      int score = i % 7 == 0 ? 99 : 67;
      text.append("{\"conversationId\":\"c-").append(i).append("\",\"koreEvaluationScore\":").append(score)
          .append(",\"passScore\":60,\"isPassed\":true,\"x_pad\":\"").append(pad).append("\",\"metrics\":[")
          .append("{\"metricName\":\"Greeting\",\"metricWeight\":2,\"qualification\":\"YES\"},")
          .append("{\"metricName\":\"Policy\",\"metricWeight\":1,\"qualification\":\"NO\"}]}\n");
    }
    Path file = dir.resolve("many-" + lines + "-" + badLine + ".jsonl");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void largeJsonLinesGiveEveryRowInInputOrder() throws IOException {
    Path file = manyLines(6000, -1);
    assertThat(run("audit", "--format", "jsonl", file.toString())).isEqualTo(1);
    List<JsonNode> lines = jsonLines(out.toString());
    assertThat(lines).hasSize(6000);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).get("conversationId").asText()).isEqualTo("c-" + (i + 1));
    }
  }

  @Test
  void aBadRecordFarIntoALargeFileNamesItsLineInTheWholeFile() throws IOException {
    Path file = manyLines(6000, 5432);
    assertThat(run("audit", "--format", "jsonl", "--out", dir.resolve("o.jsonl").toString(),
        file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("korescore: " + file + ":5432:").contains("c-5432").doesNotContain("\tat ");
    err.getBuffer().setLength(0);
    assertThat(run("audit", "--skip-bad-records", "--format", "jsonl", "--out",
        dir.resolve("p.jsonl").toString(), file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("skipped 1 bad record; the first: " + file + ":5432:");
    assertThat(Files.readAllLines(dir.resolve("p.jsonl"))).hasSize(5999);
  }

  @Test
  void standardInputIsReadToo() throws IOException {
    Path file = manyLines(3000, -1);
    InputStream stdin = System.in;
    try (InputStream in = Files.newInputStream(file)) {
      System.setIn(in);
      assertThat(run("audit", "--format", "csv", "-")).isEqualTo(1);
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString().lines()).hasSize(3001);
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
  void writesASelfContainedHtmlReportBesideTheSummary() throws IOException {
    Path seed = resource("seed-sample-response.json");
    Path report = dir.resolve("reports/seed.html");
    assertThat(run("audit", "--report", report.toString(), seed.toString())).isZero();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains(seed.toString())
        .doesNotContain("https://");
    assertThat(out.toString()).contains("Every auditable interaction matched.");
  }

  @Test
  void onlyTheFieldsAnAuditUsesMustBeValid() throws IOException {
    Path file = dir.resolve("odd.jsonl");
    Files.writeString(file, "{\"conversationId\":\"c-odd\",\"Sentiment Score\":\"lots\",\"Topics\":\"none\","
        + "\"Kore Evaluation Score\":40,\"Metrics\":[{\"Metric Name\":\"A\",\"Metric Weight\":10,"
        + "\"Qualification\":\"YES\",\"justification\":[1,{\"x\":2}]},"
        + "{\"Metric Name\":\"B\",\"Metric Weight\":15,\"Qualification\":\"NO\"}]}\n");

    assertThat(run("audit", "--format", "jsonl", file.toString())).isZero();
    assertThat(out.toString()).startsWith("{\"conversationId\":\"c-odd\",\"verdict\":\"MATCH\",\"koreScore\":40,");

    Files.writeString(file, "{\"conversationId\":\"c-bad\",\"Sentiment Score\":7,\"Kore Evaluation Score\":\"high\"}\n");
    assertThat(run("audit", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("odd.jsonl:1:").contains("(conversation c-bad)");
  }
}
