package dev.korescore.cli.audit;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record shape Kore prints in its own documentation gets a verdict, and none stops the audit. The
 * samples are transcribed in {@code kore-docs/} with their sources ({@code kore-docs/SOURCES.md}).
 */
class KoreDocsSamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.korescore(out, err, args);
  }

  private Path sample(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = KoreDocsSamplesTest.class.getResourceAsStream("kore-docs/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  /** Each row of {@code --format jsonl}, by conversation id (a repeated id keeps its last row). */
  private Map<String, JsonNode> rows(String text) throws IOException {
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        JsonNode row = JSON.readTree(line);
        rows.put(row.get("conversationId").asText(), row);
      }
    }
    return rows;
  }

  private static void assertVerdict(JsonNode row, String verdict, String reason) {
    assertThat(row.get("verdict").asText()).isEqualTo(verdict);
    if (reason.isEmpty()) {
      assertThat(row.get("reasons")).isEmpty();
    } else {
      assertThat(row.get("reasons").get(0).asText()).isEqualTo(reason);
    }
  }

  @Test
  void the2026AutoQaSampleBelowThresholdAndTotalPagesTwiceGetVerdicts() throws IOException {
    Path file = sample("auto-qa-reporting-2026.json");

    assertThat(run("audit", "--format", "jsonl", file.toString())).isEqualTo(1);

    Map<String, JsonNode> rows = rows(out.toString());
    assertThat(rows).hasSize(4);
    assertVerdict(rows.get("c-8d43539-ae1e-473a-ad97-6bd2add4xxxx"), "NOT_AUDITABLE",
        "duration status is 'below_threshold', not 'evaluated'");
    assertVerdict(rows.get("c-a19b658-da43-465c-9606-1abb5786xxxx"), "MATCH", "");
    // Kore's own numbers: 28 of 28 applicable points (the manual metric left out) is 100, not 77
    assertVerdict(rows.get("c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx"), "SCORE_MISMATCH",
        "Kore's score 77 is neither the recomputed score 100 rounded down (100) nor rounded up (100)");
    assertThat(rows.get("c-94376d76-dbe2-59c6-8665-ea70217exxxx").get("verdict").asText()).isEqualTo("SCORE_MISMATCH");
    assertThat(err.toString()).contains("4 interactions, 1 match, 2 score mismatch, 0 pass mismatch, 1 not auditable");
  }

  @Test
  void the2024AutoQaSampleWithMetricsWithoutWeightIsNotAuditableNamingTheMetric() throws IOException {
    Path file = sample("auto-qa-reporting-2024.json");

    assertThat(run("audit", "--format", "jsonl", file.toString())).isZero();

    Map<String, JsonNode> rows = rows(out.toString());
    assertVerdict(rows.get("c-15ae6dc-7644-4bba-9ac9-d2092e51xxxx"), "NOT_AUDITABLE",
        "metric 1 ('em-aac5e0fe-22e3-590b-840a-ee190342xxxx') has no weight");
    assertVerdict(rows.get("c-6200bc7-74c5-4404-a806-a7b811b1xxxx"), "NOT_AUDITABLE",
        "metric 1 ('em-aac5e0fe-22e3-590b-840a-ee190342xxxx') has no weight");
    assertVerdict(rows.get("c-b1e19cd-3ce7-44da-8479-02877687xxxx"), "NOT_AUDITABLE",
        "metric 3 ('em-09959e02-601a-54c5-a14c-c788bc7exxxx') has no weight");
  }

  @Test
  void adaptedShapesGetTheirVerdictsAndTheRepeatedIdIsReported() throws IOException {
    Path file = sample("adapted-shapes.jsonl");

    assertThat(run("audit", "--format", "jsonl", file.toString())).isEqualTo(1);

    Map<String, JsonNode> rows = rows(out.toString());
    assertVerdict(rows.get("c-noname-a19b658"), "MATCH", "");
    assertVerdict(rows.get("c-fatalcount-a19b658"), "MATCH", "");
    assertVerdict(rows.get("c-dupscore-94376d76"), "INVALID",
        "\"koreEvalutionScore\" is given twice: which value Kore meant cannot be told");
    assertVerdict(rows.get("c-dupweight-94376d76"), "INVALID",
        "Metrics[1] ('UK Proper Sign-off GenAI'): \"Metric Weight\" is given twice: which value Kore meant cannot be told");
    assertVerdict(rows.get("c-unavailable-8d43539"), "NOT_AUDITABLE",
        "duration status is 'duration_unavailable', not 'evaluated'");
    assertVerdict(rows.get("c-repeated-0bba1c4"), "MATCH", "");
    assertThat(out.toString().lines().filter(l -> l.contains("c-repeated-0bba1c4"))).hasSize(2);
  }

  @Test
  void theTextSummaryNamesTheRepeatedIdAndExplainsTheFatalCount() throws IOException {
    Path file = sample("adapted-shapes.jsonl");

    assertThat(run("audit", "--no-fatal", file.toString())).isEqualTo(1);

    assertThat(out.toString())
        .contains("Audited 7 interactions")
        .contains("Repeated ids: 1 conversation id appears more than once, the first c-repeated-0bba1c4"
            + " (each occurrence audited)")
        // under --no-fatal the record-level count no longer zeroes the score: the alternative says so
        .contains("c-fatalcount-a19b658  SCORE_MISMATCH")
        .contains("matches if a failed fatal metric made the score 0");
  }

  @Test
  void withoutTheMissingCommaKorePrintsTheAuditSaysWhereTheJsonIsBroken() throws IOException {
    Path file = sample("auto-qa-reporting-2026.json");
    String asPrinted = Files.readString(file).replace("\"totalPages\": 1,\n  \"totalPages\"", "\"totalPages\": 1\n  \"totalPages\"");
    Files.writeString(file, asPrinted);

    assertThat(run("audit", file.toString())).isEqualTo(2);

    assertThat(err.toString().strip())
        .startsWith("korescore: " + file + ":")
        .contains("malformed JSON: unexpected '\"' where ',' or '}' should be")
        .doesNotContain("Source:", "JsonParseException", "com.fasterxml", "\tat ");
  }
}
