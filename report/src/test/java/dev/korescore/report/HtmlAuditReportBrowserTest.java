package dev.korescore.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated report in headless Chromium and checks what a person would see: the charts are
 * drawn, the page is not blank, sorting and filtering work (driven through the URL hash the page keeps
 * its state in), and hostile names never run as script. Fails on CI when Chromium is missing.
 */
class HtmlAuditReportBrowserTest {
  @TempDir static Path dir;
  static HeadlessChromium chromium;
  static String url;

  @BeforeAll
  static void writeReport() throws Exception {
    chromium = HeadlessChromium.require(dir);
    Path file = dir.resolve("report.html");
    HtmlAuditReport.write(ReportFixtures.hostile(), file);
    url = file.toUri().toString();
  }

  @Test
  void scriptsRanAndEveryChartIsInTheDom() throws Exception {
    String dom = chromium.dumpDom(url);
    assertThat(dom).contains("data-report-ready=\"true\"");
    for (String id : List.of("chart-scatter", "chart-distribution", "chart-agents", "chart-queues", "chart-metrics", "chart-daily")) {
      assertThat(dom).contains("id=\"" + id + "\"");
    }
    assertThat(HtmlAuditReportTest.count(dom, "<circle")).isGreaterThanOrEqualTo(27);
    assertThat(HtmlAuditReportTest.count(dom, "<rect")).isGreaterThanOrEqualTo(40);
    assertThat(dom).contains("<span id=\"problem-count\" aria-live=\"polite\">5 of 5 shown</span>");
  }

  @Test
  void theScreenshotShowsADrawnPage() throws Exception {
    Path png = dir.resolve("report.png");
    chromium.screenshot(url, png, 1280, 2200);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG Chromium wrote").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    long chartColoured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          chartColoured++; // saturated pixels: bars and points, not text or grey lines
        }
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat(nonWhite).as("non-white pixels").isGreaterThan(pixels / 20);
    assertThat(chartColoured).as("saturated (chart) pixels").isGreaterThan(pixels / 100);
  }

  @Test
  void sortingByAColumnReordersTheRows() throws Exception {
    // Kore scores by row index: 0 -> 55, 1 -> 70, 2 -> -10, 3 -> 90, 4 -> 80.
    String desc = chromium.dumpDom(url + "#sort=kore&dir=desc");
    assertThat(rowOrder(desc)).containsExactly(3, 4, 1, 0, 2);
    assertThat(desc).contains("data-key=\"kore\" data-type=\"number\" class=\"num\" aria-sort=\"descending\"");
    // Text columns: the hostile agent name sorts as text ('<' before letters), ties keep their order.
    assertThat(rowOrder(chromium.dumpDom(url + "#sort=agent&dir=asc"))).containsExactly(0, 1, 4, 2, 3);
  }

  @Test
  void filteringHidesTheOtherRows() throws Exception {
    String byText = chromium.dumpDom(url + "#q=" + URLEncoder.encode("Sales", StandardCharsets.UTF_8));
    assertThat(visibleRows(byText)).containsExactly(3, 4);
    assertThat(byText).contains("2 of 5 shown", "data-visible-rows=\"2\"");
    String both = chromium.dumpDom(url + "#q=alice&verdict=PASS_MISMATCH&sort=kore&dir=desc");
    assertThat(visibleRows(both)).containsExactly(4, 1);
  }

  @Test
  void injectedScriptsNeverRunAndStayText() throws Exception {
    List<String> panes = new ArrayList<>();
    String hostileId = URLEncoder.encode(ReportFixtures.HOSTILE_ID, StandardCharsets.UTF_8).replace("+", "%20");
    for (String hash : List.of("#explain=c-001", "#explain=" + hostileId)) {
      String dom = chromium.dumpDom(url + hash);
      assertThat(dom).contains("data-report-ready=\"true\""); // our script did run
      // Every payload would set document.title: the document's title is still ours.
      String head = between(dom, "<head>", "</head>");
      assertThat(head).contains("<title>korescore audit</title>").doesNotContain("pwned");
      assertThat(dom).doesNotContainPattern("<img|<svg onload|<b>bold");
      assertThat(HtmlAuditReportTest.count(dom, "<script")).isEqualTo(2);
      String pane = between(dom, "<div id=\"explanation\">", "<div class=\"table-wrap\">");
      assertThat(pane).as("explanation for %s", hash).contains("<h3>Conversation ");
      panes.add(pane);
    }
    String pane = panes.get(0);
    assertThat(panes.get(1)).contains("<h3>Conversation conv-&lt;svg onload=\"document.title='pwned-id'\"&gt;</h3>");
    assertThat(pane).contains("<td>&lt;/script&gt;&lt;script&gt;document.title='pwned-metric'&lt;/script&gt;</td>");
    assertThat(pane).contains("agent &lt;script&gt;document.title='pwned-agent';window.pwned=1&lt;/script&gt;");
    assertThat(pane).contains("Score = 100 \u00d7 30 / 75 = 40; Kore reported 55");
  }

  private static List<Integer> rowOrder(String dom) {
    List<Integer> order = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-index=\"(\\d+)\"").matcher(tableBody(dom));
    while (m.find()) {
      order.add(Integer.parseInt(m.group(1)));
    }
    return order;
  }

  private static List<Integer> visibleRows(String dom) {
    List<Integer> visible = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-index=\"(\\d+)\"([^>]*)>").matcher(tableBody(dom));
    while (m.find()) {
      if (!m.group(2).contains("hidden")) {
        visible.add(Integer.parseInt(m.group(1)));
      }
    }
    return visible;
  }

  private static String tableBody(String dom) {
    return between(dom, "id=\"problem-table\"", "</table>");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("'%s' in the DOM", start).isNotNegative();
    return text.substring(from, text.indexOf(end, from));
  }
}
