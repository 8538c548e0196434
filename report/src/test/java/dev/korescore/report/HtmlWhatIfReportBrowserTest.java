package dev.korescore.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the what-if page in headless Chromium: the charts are drawn, the page is not blank, the flip
 * filter works (driven through the URL hash), and hostile names never run as script.
 */
class HtmlWhatIfReportBrowserTest {
  @TempDir static Path dir;
  static HeadlessChromium chromium;
  static String url;

  @BeforeAll
  static void writeReport() throws Exception {
    chromium = HeadlessChromium.require(dir);
    Path file = dir.resolve("whatif.html");
    HtmlWhatIfReport.write(WhatIfReportFixtures.hostile(),
        ReportHeader.of(List.of("july.jsonl"), Instant.parse("2026-12-01T10:00:00Z")).withTitle(HtmlWhatIfReport.TITLE),
        file);
    url = file.toUri().toString();
  }

  @Test
  void theScriptRanTheChartsAreDrawnAndNoNameRanAsScript() throws Exception {
    String dom = chromium.dumpDom(url);
    assertThat(dom).contains("data-report-ready=\"true\"");
    for (String id : List.of("chart-agents", "chart-queues", "chart-shifts")) {
      assertThat(dom).contains("id=\"" + id + "\"");
    }
    assertThat(HtmlAuditReportTest.count(dom, "<rect")).isGreaterThanOrEqualTo(20);
    assertThat(dom).contains("<span id=\"flip-count\" aria-live=\"polite\">5 of 5 shown</span>");
    // every payload would set document.title or add an element: the title is ours, the names are text
    assertThat(dom.substring(dom.indexOf("<head>"), dom.indexOf("</head>")))
        .contains("<title>korescore what-if</title>").doesNotContain("pwned");
    assertThat(dom).doesNotContainPattern("<img|<svg onload");
    assertThat(HtmlAuditReportTest.count(dom, "<script")).isEqualTo(1);
    assertThat(dom).contains("&lt;script&gt;document.title='pwned-agent';window.pwned=1&lt;/script&gt;");
  }

  @Test
  void theDirectionFilterHidesTheOtherFlips() throws Exception {
    String dom = chromium.dumpDom(url + "#flip=PASS_TO_FAIL");
    assertThat(dom).contains("2 of 5 shown");
    Matcher m = Pattern.compile("<tr data-flip=\"([A-Z_]+)\"([^>]*)>").matcher(dom);
    int visible = 0;
    while (m.find()) {
      if (!m.group(2).contains("hidden")) {
        visible++;
        assertThat(m.group(1)).isEqualTo("PASS_TO_FAIL");
      }
    }
    assertThat(visible).isEqualTo(2);
  }

  @Test
  void theScreenshotShowsADrawnPage() throws Exception {
    Path png = dir.resolve("whatif.png");
    chromium.screenshot(url, png, 1280, 1800);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG Chromium wrote").isNotNull();
    long pixels = (long) image.getWidth() * image.getHeight();
    long nonWhite = 0;
    long saturated = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb != 0xffffff) {
          nonWhite++;
        }
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          saturated++;
        }
      }
    }
    assertThat(nonWhite).as("non-white pixels").isGreaterThan(pixels / 20);
    assertThat(saturated).as("saturated (chart) pixels").isGreaterThan(pixels / 200);
  }
}
