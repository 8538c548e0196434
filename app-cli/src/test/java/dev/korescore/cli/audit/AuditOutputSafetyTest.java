package dev.korescore.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.KorescoreCommand;
import dev.korescore.cli.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code korescore audit} never writes over its input, replaces outputs only when complete, keeps
 * terminal controls from the data off the terminal and formulas out of spreadsheets.
 */
class AuditOutputSafetyTest {
  /** A mismatching record (Kore 40, recomputed 100) whose names carry terminal and spreadsheet payloads. */
  static final String HOSTILE = "{\"Conversation ID\":\"=cmd|' /C calc'!A0\",\"Kore Evaluation Score\":40,"
      + "\"Pass Score\":50,\"IsPassed\":false,"
      + "\"Agents\":[{\"agentId\":\"a-1\",\"Agent Name\":\"\\u001b]0;owned\\u0007Eve\\u001b[2J\"}],"
      + "\"Queues\":[{\"Queue ID\":\"q-1\",\"Queue Name\":\"Billing\\u202eabc\"}],"
      + "\"Metrics\":[{\"Metric Name\":\"@SUM(A1)\\r\\nforged line " + "x".repeat(100) + "\",\"Metric Weight\":10,"
      + "\"Qualification\":\"YES\"}]}";
  static final String GOOD = "{\"Conversation ID\":\"c-ok\",\"Kore Evaluation Score\":100,\"Pass Score\":50,"
      + "\"IsPassed\":true,\"Metrics\":[{\"Metric Name\":\"Greeting\",\"Metric Weight\":10,\"Qualification\":\"YES\"}]}";

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = KorescoreCommand.newCommandLine(args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path input(String... lines) throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void anOutputThatIsTheInputIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path data = input(GOOD, HOSTILE);
    byte[] before = Files.readAllBytes(data);
    assertThat(run("audit", "--format", "jsonl", "--out", data.toString(), data.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("--out " + data + " is the input " + data).contains("never writes over its input");
    assertThat(run("audit", "--report", data.toString(), data.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    Path hardLink = Files.createLink(dir.resolve("hard.jsonl"), data);
    assertThat(run("audit", "--format", "csv", "--out", hardLink.toString(), data.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    Path symlink = Files.createSymbolicLink(dir.resolve("soft.jsonl"), data);
    assertThat(run("audit", "--report", data.toString(), symlink.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(run("audit", "--format", "jsonl", "--out", dir.resolve("same").toString(),
        "--report", dir.resolve("./same").toString(), data.toString())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("are the same file");
    assertThat(run("audit", "--format", "jsonl", "--out", dir.toString(), data.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("is a directory");
    assertThat(Files.readAllBytes(data)).isEqualTo(before);
    assertThat(dir.resolve("same")).doesNotExist();
  }

  @Test
  void aFailedAuditLeavesThePreviousOutputAndReportIntact() throws IOException {
    Path data = input(GOOD);
    Path rows = dir.resolve("rows.jsonl");
    Path report = dir.resolve("report.html");
    assertThat(run("audit", "--format", "jsonl", "--out", rows.toString(), "--report", report.toString(), data.toString()))
        .isZero();
    byte[] rowsBefore = Files.readAllBytes(rows);
    byte[] reportBefore = Files.readAllBytes(report);
    Path broken = dir.resolve("broken.jsonl");
    Files.write(broken, List.of(GOOD.replace("c-ok", "c-2"), "{\"Conversation ID\":\"c-3\",\"Metrics\":[{\"Metric Weight\":\"heavy\"}]}"));
    assertThat(run("audit", "--format", "jsonl", "--out", rows.toString(), "--report", report.toString(), broken.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(Files.readAllBytes(rows)).isEqualTo(rowsBefore);
    assertThat(Files.readAllBytes(report)).isEqualTo(reportBefore);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void theTerminalSummaryShowsControlsAsEscapesAndCutsLongNames() throws IOException {
    Path data = input(GOOD, HOSTILE);
    assertThat(run("audit", data.toString())).isEqualTo(ExitCodes.MISMATCH);
    String summary = out.toString();
    assertThat(summary.chars().filter(c -> c == 0x1B || c == 0x07 || c == '\r' || c == 0x202E)).isEmpty();
    assertThat(summary).contains("\\x1B]0;owned\\x07Eve\\x1B[2J").contains("Billing\\u202Eabc")
        .contains("@SUM(A1)\\r\\nforged line").contains("\u2026").doesNotContain("x".repeat(100));
    assertThat(summary.lines()).noneMatch(line -> line.startsWith("forged line"));
  }

  @Test
  void csvCellsThatWouldRunAsFormulasAreNeutralisedUnlessRaw() throws IOException {
    Path data = input(GOOD, HOSTILE);
    Path csv = dir.resolve("audit.csv");
    assertThat(run("audit", "--format", "csv", "--out", csv.toString(), data.toString())).isEqualTo(ExitCodes.MISMATCH);
    assertThat(Files.readString(csv)).contains("\"'=cmd|' /C calc'!A0\"").doesNotContain("\"=cmd");
    assertThat(run("audit", "--format", "csv", "--csv-raw", "--out", csv.toString(), data.toString()))
        .isEqualTo(ExitCodes.MISMATCH);
    assertThat(Files.readString(csv)).contains("\"=cmd|' /C calc'!A0\"");
  }
}
