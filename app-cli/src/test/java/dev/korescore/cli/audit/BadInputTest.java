package dev.korescore.cli.audit;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input costs only itself: what {@code korescore audit} says and does, exit code by exit code. */
class BadInputTest {
  private static final String GOOD = "{\"conversationId\":\"c-%d\",\"Kore Evaluation Score\":100,\"Pass Score\":60,"
      + "\"IsPassed\":true,\"Metrics\":[{\"Metric Name\":\"Greeting\",\"Metric Weight\":10,\"Qualification\":\"YES\"}]}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.korescore(out, err, args);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String good(int i) {
    return String.format(GOOD, i);
  }

  private void assertNoInternals() {
    assertThat(err.toString()).doesNotContain("\tat ", "Exception", "com.fasterxml", "Source:", "`");
  }

  @Test
  void noInteractionsAtAllIsAnInputErrorUnlessAllowed() throws IOException {
    for (String text : new String[] {"", "  \n\t\r\n", "{\"results\":[],\"totalResults\":0}"}) {
      Path empty = write("empty.jsonl", text);
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);

      assertThat(run("audit", empty.toString())).isEqualTo(2);
      assertThat(err.toString().strip())
          .isEqualTo("korescore: no interactions in " + empty + " (--allow-empty accepts that)");
      assertThat(out.toString()).isEmpty();

      assertThat(run("audit", "--allow-empty", empty.toString())).isZero();
      assertThat(out.toString()).contains("Audited 0 interactions");
    }
    assertThat(run("audit", "/dev/null")).isEqualTo(2);
    assertThat(err.toString()).contains("no interactions in /dev/null");
  }

  @Test
  void whenEveryRecordIsSkippedTheMessageSaysSo() throws IOException {
    Path bad = write("bad.jsonl", "not json\n{\"src\":\"no id\"}\n");

    assertThat(run("audit", "--skip-bad-records", bad.toString())).isEqualTo(2);

    assertThat(err.toString().strip()).startsWith("korescore: no interactions in " + bad + " (skipped 2 bad records;"
        + " the first: " + bad + ":1:");
    assertNoInternals();
  }

  @Test
  void brokenJsonLinesCostOnlyThemselves() throws IOException {
    String text = good(1) + "\n"
        + good(2).substring(0, 40) + "\n"      // a line cut in half
        + good(3) + "\n"
        + "<html>502 Bad Gateway</html>\n"     // garbage
        + "\uFEFF" + good(4) + "\n"            // a stray byte order mark
        + "17\n"                               // not an object
        + good(5) + "\n";
    Path file = write("day.jsonl", text);

    assertThat(run("audit", "--skip-bad-records", "--format", "jsonl", file.toString())).isZero();

    assertThat(out.toString().lines().map(l -> l.substring(0, l.indexOf(',')))).containsExactly(
        "{\"conversationId\":\"c-1\"", "{\"conversationId\":\"c-3\"", "{\"conversationId\":\"c-5\"");
    assertThat(err.toString())
        .contains("korescore: skipped 4 bad records; the first: " + file + ":2:1 (conversation c-2): malformed JSON:")
        .contains("audit: 3 interactions, 3 match");
    assertNoInternals();

    err.getBuffer().setLength(0);
    assertThat(run("audit", file.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("korescore: " + file + ":2:1 (conversation c-2): malformed JSON: ");
    assertNoInternals();
  }

  @Test
  void aBadLineFarPastWhatIsReadAheadStopsTheAuditInItsPlace() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      text.append(i == 1501 ? good(i).substring(0, 50) : good(i)).append('\n');
    }
    Path file = write("long.jsonl", text.toString());

    assertThat(run("audit", "--format", "jsonl", file.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("korescore: " + file + ":1501:1 (conversation c-1501): malformed JSON: ");
    assertNoInternals();

    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run("audit", "--skip-bad-records", "--format", "jsonl", file.toString())).isZero();
    assertThat(out.toString().lines().map(l -> l.substring(0, l.indexOf(','))))
        .hasSize(1999)
        .containsSubsequence("{\"conversationId\":\"c-1500\"", "{\"conversationId\":\"c-1502\"")
        .doesNotContain("{\"conversationId\":\"c-1501\"")
        .first().isEqualTo("{\"conversationId\":\"c-1\"");
    assertThat(err.toString()).contains("korescore: skipped 1 bad record; the first: " + file + ":1501:1")
        .contains("audit: 1,999 interactions, 1,999 match");
  }

  @Test
  void insideOneJsonArrayTheMessageSaysTheBadRecordCannotBeSkipped() throws IOException {
    Path file = write("page.json", "[\n" + good(1) + ",\n{\"conversationId\":\"c-2\", oops},\n" + good(3) + "\n]\n");

    assertThat(run("audit", "--skip-bad-records", file.toString())).isEqualTo(2);

    assertThat(err.toString().strip()).isEqualTo("korescore: " + file + ":3:1 (conversation c-2): malformed JSON:"
        + " unexpected 'o' where a quoted key should be (at line 3, column 26); a bad record inside one JSON array or"
        + " envelope (it starts at line 1, column 1) cannot be skipped: there is no next line to start again at");
  }

  @Test
  void aCutGzipSaysAfterWhichRecordAndSkippingAuditsTheRecordsBefore() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      text.append(good(i)).append('\n');
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = bytes.toByteArray();
    Path cut = Files.write(dir.resolve("day.jsonl.gz"), Arrays.copyOf(all, all.length / 2));

    assertThat(run("audit", cut.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).matches("korescore: " + java.util.regex.Pattern.quote(cut.toString())
        + ":\\d+:\\d+: the gzip data is cut short after [\\d,]+ records \\(the last whole one:"
        + " conversation c-\\d+\\)");

    err.getBuffer().setLength(0);
    assertThat(run("audit", "--skip-bad-records", "--format", "csv", cut.toString())).isZero();
    assertThat(err.toString()).contains("korescore: skipped 1 bad record; the first: " + cut + ":")
        .contains("the gzip data is cut short after");
    assertThat(out.toString().lines().count()).isGreaterThan(100);
  }

  @Test
  void anUnreadableFileSaysWhyAndNamesItOnce() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("exports"));

    assertThat(run("audit", folder.toString())).isEqualTo(2);

    String message = err.toString().strip();
    assertThat(message).startsWith("korescore: " + folder).containsIgnoringCase("is a directory");
    assertThat(message.indexOf(folder.toString())).isEqualTo(message.lastIndexOf(folder.toString()));
    assertNoInternals();
  }
}
