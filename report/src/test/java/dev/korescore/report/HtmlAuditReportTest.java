package dev.korescore.report;

import static dev.korescore.report.ReportFixtures.CLOSE_SCRIPT_METRIC;
import static dev.korescore.report.ReportFixtures.HOSTILE_ID;
import static dev.korescore.report.ReportFixtures.IMG_QUEUE;
import static dev.korescore.report.ReportFixtures.SCRIPT_AGENT;
import static dev.korescore.report.ReportFixtures.SEPARATORS_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.report.AuditReportModel.GroupRow;
import dev.korescore.report.AuditReportModel.Headline;
import dev.korescore.report.AuditReportModel.ScoreCell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlAuditReportTest {
  private final String html = HtmlAuditReport.render(ReportFixtures.hostile());

  @Test
  void isOneSelfContainedPageWithEveryChart() {
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<style>", "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    for (String id : List.of("chart-scatter", "chart-distribution", "chart-agents", "chart-queues", "chart-metrics", "chart-daily")) {
      assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + id + "\"");
    }
    assertThat(html).contains("id=\"problem-table\"", "id=\"problem-filter\"", "id=\"verdict-filter\"");
    // Nothing is loaded from anywhere: no src/href to another resource, no URL but the SVG namespace.
    assertThat(html).doesNotContainPattern("(?i)\\s(src|href)=\"(?!#)");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContainPattern("(?i)https?://");
  }

  @Test
  void headlineNumbersAreFormatted() {
    assertThat(card("interactions")).contains(">12,345<");
    assertThat(card("auditable")).contains(">12,000<", "97.2% of all");
    assertThat(card("matches")).contains(">11,988<", "99.9% of auditable");
    assertThat(card("kind-SCORE_MISMATCH")).contains(">7<", "Score mismatch");
    assertThat(card("kind-NOT_AUDITABLE")).contains(">345<", "Not auditable");
    assertThat(card("reported-pass-rate")).contains(">81.2%<");
    assertThat(card("recomputed-pass-rate")).contains(">80.0%<");
    assertThat(html).contains("<td id=\"policy-used\"><code>na&#x3D;exclude pass&#x3D;at-least fatal&#x3D;on clamp&#x3D;on tolerance&#x3D;0</code>");
    assertThat(html).contains("<td id=\"policy-inferred\"><code>na&#x3D;exclude pass&#x3D;greater-than");
    assertThat(html).contains("<td>passes only under &gt;</td><td class=\"num\">11,995</td><td class=\"num\">100.0%</td>");
    assertThat(html).contains("<td>&lt;i&gt;NA&lt;/i&gt; awarded full weight</td>");
  }

  @Test
  void problemRowsCarryFormattedScoresAndSortKeys() {
    assertThat(html).contains("<td class=\"num\" data-sort=\"12.5\">12.5</td>");
    assertThat(html).contains("<td class=\"num\" data-sort=\"-10\">-10</td>");
    assertThat(html).contains("<td class=\"num\" data-sort=\"\">\u2014</td>"); // c-004 has no recomputed score
    assertThat(html).contains("The first 5 of 12 problem interactions.");
    assertThat(html).contains("<option value=\"INVALID\">INVALID</option>");
  }

  @Test
  void hostileStringsStayTextEverywhere() {
    for (String hostile : List.of(SCRIPT_AGENT, IMG_QUEUE, CLOSE_SCRIPT_METRIC, HOSTILE_ID, SEPARATORS_REASON)) {
      assertThat(html).doesNotContain(hostile);
    }
    // Exactly our two script elements (the data island and the code), nothing the data opened.
    assertThat(count(html, "<script")).isEqualTo(2);
    assertThat(count(html, "</script")).isEqualTo(2);
    assertThat(html).doesNotContainPattern("<img|<svg onload|<b>bold");
    // Escaped in text, in attributes, in SVG tooltips and labels, and in the tables.
    assertThat(html).contains("<td data-sort=\"&lt;script&gt;document.title&#x3D;&#39;pwned-agent&#39;;window.pwned&#x3D;1&lt;/script&gt;\">"
        + "&lt;script&gt;document.title&#x3D;&#39;pwned-agent&#39;;window.pwned&#x3D;1&lt;/script&gt;</td>");
    assertThat(html).contains("data-id=\"conv-&lt;svg onload&#x3D;&quot;document.title&#x3D;&#39;pwned-id&#39;&quot;&gt;\"");
    assertThat(html).contains("<title>&lt;script&gt;document.title&#x3D;&#39;pwned-agent&#39;;window.pwned&#x3D;1&lt;/script&gt;: Kore pass rate 70.0%</title>");
    assertThat(html).contains("<title>&lt;/script&gt;&lt;script&gt;document.title&#x3D;&#39;pwned-metric&#39;&lt;/script&gt;: involved in 6 mismatches</title>");
    assertThat(html).contains("<td>&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;document.title&#x3D;&#39;pwned-queue&#39;&quot;&gt;</td>");
    assertThat(html).contains("<span class=\"source\">april&lt;script&gt;.jsonl</span>");
  }

  @Test
  void theJsonDataIslandEscapesMarkupAndLineSeparatorsAndRoundTrips() throws Exception {
    String island = island(html);
    assertThat(island).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(island).contains("\\u003c/script\\u003e\\u003cscript\\u003edocument.title='pwned-metric'");
    JsonNode problems = new ObjectMapper().readTree(island).get("problems");
    assertThat(problems).hasSize(5);
    assertThat(problems.get(0).get("agent").asText()).isEqualTo(SCRIPT_AGENT);
    assertThat(problems.get(0).get("contributions").get(0).get("metric").asText()).isEqualTo(CLOSE_SCRIPT_METRIC);
    assertThat(problems.get(1).get("reasons").get(0).asText()).isEqualTo(SEPARATORS_REASON);
    assertThat(problems.get(2).get("id").asText()).isEqualTo(HOSTILE_ID);
    assertThat(problems.get(2).get("recomputed").asText()).isEqualTo("12.5");
    assertThat(problems.get(3).get("recomputed").isNull()).isTrue();
  }

  @Test
  void chartsDrawOneShapePerDatum() {
    String scatter = chart(html, "chart-scatter");
    assertThat(count(scatter, "<circle")).isEqualTo(ReportFixtures.hostile().scoreCells().size());
    assertThat(count(scatter, "class=\"pt pt-problem\"")).isEqualTo(2);
    String daily = chart(html, "chart-daily");
    assertThat(count(daily, "class=\"bar-volume\"><title>2026-03-")).isEqualTo(10);
    assertThat(count(daily, "<polyline")).isEqualTo(2);
    String metrics = chart(html, "chart-metrics");
    // Greeting has all four kinds of answer; Empathy only YES and NO.
    assertThat(count(metrics, "<title>Greeting: ")).isEqualTo(5);
    assertThat(metrics).contains("<title>Greeting: YES 11,000 (89.1%)</title>");
    String agents = chart(html, "chart-agents");
    assertThat(count(agents, "class=\"bar-mismatch\"><title>")).isEqualTo(3 + 1); // 3 agents + the legend
  }

  @Test
  void emptyAuditRendersPlaceholders() {
    AuditReportModel empty = new AuditReportModel("empty", Optional.empty(), List.of(),
        new Headline(0, 0, 0, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), "na=exclude",
            Optional.empty(), List.of()),
        List.of(), "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    String page = HtmlAuditReport.render(empty);
    assertThat(page).contains("No scored interaction", "No metric", "No dated interaction", "id=\"no-problems\"");
    assertThat(page).contains("not inferred (run with <code>--infer-policy</code>)");
    assertThat(card(page, "reported-pass-rate")).contains(">\u2014<");
    assertThat(page).doesNotContain("id=\"policy-shares\"");
  }

  @Test
  void manyScatterCellsAreRebinned() {
    List<ScoreCell> cells = new ArrayList<>();
    for (int k = -100; k <= 100; k++) {
      for (int r = -100; r <= 100; r += 2) {
        cells.add(new ScoreCell(k, r, 1, k == r ? 0 : 1));
      }
    }
    List<ScoreCell> binned = Charts.rebin(cells);
    assertThat(binned.size()).isLessThanOrEqualTo(Charts.MAX_SCATTER_CELLS);
    assertThat(binned.stream().mapToLong(ScoreCell::count).sum()).isEqualTo(cells.size());
  }

  @Test
  void writeCreatesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/report.html");
    HtmlAuditReport.write(ReportFixtures.hostile(), file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(html);
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no partial file left behind
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Path plain = Files.createFile(dir.resolve("plain.txt"));
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void theModelValidatesWithMessagesNamingTheValue() {
    assertThatThrownBy(() -> new GroupRow("a", 1, 1, 2, OptionalDouble.empty(), OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mismatches must be <= auditable (1) for 'a', was 2");
    assertThatThrownBy(() -> new GroupRow("a", 1, 1, 0, OptionalDouble.of(1.5), OptionalDouble.empty()))
        .hasMessage("reportedPassRate must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> new ScoreCell(1, 1, 0, 0)).hasMessage("count must be > 0, was 0");
    assertThatThrownBy(() -> ReportFixtures.model(ReportFixtures.hostile().problems(), 2))
        .hasMessage("problemsTotal must be >= the 5 problems kept, was 2");
  }

  @Test
  void numbersAreFormattedWithoutLocaleSurprises() {
    assertThat(Format.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Format.percent(0.12345)).isEqualTo("12.3%");
    assertThat(Format.score(new java.math.BigDecimal("33.333333"))).isEqualTo("33.33");
    assertThat(Format.score(new java.math.BigDecimal("40.000"))).isEqualTo("40");
    assertThat(Format.score(new java.math.BigDecimal("-0.001"))).isEqualTo("0");
    assertThat(Format.shorten("abcdefghij", 5)).isEqualTo("abcd\u2026");
  }

  private String card(String key) {
    return card(html, key);
  }

  private static String card(String page, String key) {
    int at = page.indexOf("data-card=\"" + key + "\"");
    assertThat(at).as("card %s", key).isPositive();
    return page.substring(at, page.indexOf("</div>\n", at));
  }

  static String island(String page) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"problem-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String chart(String page, String id) {
    int at = page.indexOf("id=\"" + id + "\"");
    return page.substring(at, page.indexOf("</svg>", at));
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      n++;
    }
    return n;
  }
}
