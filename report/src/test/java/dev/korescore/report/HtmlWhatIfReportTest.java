package dev.korescore.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.scoring.WhatIfSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlWhatIfReportTest {
  @TempDir Path dir;

  private static final ReportHeader HEADER =
      ReportHeader.of(List.of("july.jsonl"), Instant.parse("2026-12-01T10:00:00Z")).withTitle(HtmlWhatIfReport.TITLE);

  @Test
  void theFixtureFlipsBothWays() {
    WhatIfSummary s = WhatIfReportFixtures.hostile();
    assertThat(s.interactions()).isEqualTo(6);
    assertThat(s.notAuditable()).isEqualTo(1);
    assertThat(s.failToPass()).isEqualTo(3);
    assertThat(s.passToFail()).isEqualTo(2);
  }

  @Test
  void thePageHasEverySectionAndEscapesEveryName() {
    String html = HtmlWhatIfReport.render(WhatIfReportFixtures.hostile(), HEADER);
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<title>korescore what-if</title>")
        .contains("default-src 'none'")
        .contains("<span class=\"source\">july.jsonl</span>")
        .contains("id=\"chart-agents\"", "id=\"chart-queues\"", "id=\"chart-shifts\"", "id=\"flip-table\"",
            "id=\"agent-table\"", "id=\"queue-table\"", "id=\"form-table\"")
        .contains("<div class=\"card-value\">3</div><div class=\"card-label\">Fail to pass</div>")
        .contains("<div class=\"card-value\">2</div><div class=\"card-label\">Pass to fail</div>")
        .contains("Pass rate before", "Pass rate after")
        .contains("made fatal, and it failed: the score is 0 and the interaction fails")
        .contains("pass score 70 -&gt; 35")
        .contains("Made by korescore on 2026-12-01T10:00:00Z");
    assertThat(html).doesNotContain(ReportFixtures.SCRIPT_AGENT, ReportFixtures.IMG_QUEUE,
        ReportFixtures.CLOSE_SCRIPT_METRIC, ReportFixtures.HOSTILE_ID);
    assertThat(html).contains("&lt;script&gt;document.title&#x3D;&#39;pwned-agent&#39;");
    assertThat(HtmlAuditReportTest.count(html, "<script")).isEqualTo(1);
    assertThat(HtmlAuditReportTest.count(html, "<tr data-flip=")).isEqualTo(5);
  }

  @Test
  void aChangeThatMovesNothingSaysSo() throws Exception {
    WhatIfSummary none = dev.korescore.scoring.WhatIf.of(dev.korescore.core.policy.ScoringPolicy.defaults(),
        dev.korescore.core.policy.FormChange.builder().passScore(70).build()).newAggregator().summary();
    Path file = dir.resolve("sub/whatif.html");
    HtmlWhatIfReport.write(none, HEADER, file);
    String html = Files.readString(file);
    assertThat(html).contains("id=\"no-flips\"").contains("The change moves no interaction here");
    assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.partial");
  }
}
