package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.korescore.scoring.ScoreShifts;
import dev.korescore.scoring.WhatIfFlip;
import dev.korescore.scoring.WhatIfGroupStats;
import dev.korescore.scoring.WhatIfSummary;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the what-if report: one self-contained HTML page (inline CSS, JavaScript and SVG, nothing
 * loaded from the network) with the pass rate before and after the change per agent and queue, the
 * flips with their reasons, and the score shift histogram. Drawn from a {@link WhatIfSummary} alone;
 * every string from the data is HTML-escaped by the template engine.
 *
 * <pre>{@code
 * HtmlWhatIfReport.write(aggregator.summary(), ReportHeader.of(files, clock.instant()).withTitle(HtmlWhatIfReport.TITLE),
 *     Path.of("whatif.html"));
 * }</pre>
 */
public final class HtmlWhatIfReport {
  /** The page's title unless the header says otherwise. */
  public static final String TITLE = "korescore what-if";
  /** Groups drawn in each pass-rate chart. */
  static final int MAX_GROUP_BARS = 15;
  /** Rows of each group table. */
  static final int MAX_GROUP_TABLE_ROWS = 100;

  private static final Template PAGE = Mustache.compiler()
      .escapeHTML(true)
      .emptyStringIsFalse(true)
      .withLoader(name -> new StringReader(HtmlAuditReport.resource(name + ".mustache")))
      .compile(HtmlAuditReport.resource("whatif.mustache"));

  private HtmlWhatIfReport() {}

  /** Renders the report of {@code summary} and writes it to {@code file}, replacing it; the file appears whole. */
  public static void write(WhatIfSummary summary, ReportHeader header, Path file) throws IOException {
    requireNonNull(file, "file");
    HtmlAuditReport.writeWhole(render(summary, header), file);
  }

  /** The report's HTML. */
  public static String render(WhatIfSummary summary, ReportHeader header) {
    return PAGE.execute(view(requireNonNull(summary, "summary"), requireNonNull(header, "header")));
  }

  static Map<String, Object> view(WhatIfSummary s, ReportHeader header) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", header.title());
    v.put("sources", header.sources());
    v.put("hasSources", !header.sources().isEmpty());
    v.put("generatedAt", header.generatedAt()
        .map(t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0)) + "Z")
        .orElse(""));
    v.put("cards", cards(s));
    v.put("change", s.change().describe());
    v.put("policy", s.policy().describe());

    List<WhatIfGroupStats> agents = WhatIfSummary.mostMoved(s.byAgent(), Integer.MAX_VALUE);
    List<WhatIfGroupStats> queues = WhatIfSummary.mostMoved(s.byQueue(), Integer.MAX_VALUE);
    v.put("agentChart", passRates("chart-agents", "Pass rate before and after by agent", agents).view());
    v.put("agentsDrawn", Format.count(Math.min(MAX_GROUP_BARS, agents.size())));
    v.put("agentsTotal", Format.count(s.byAgent().size()));
    v.put("agentTable", groupTable("agent-table", "Agents the change moves, most first", "Agent", agents));
    v.put("queueChart", passRates("chart-queues", "Pass rate before and after by queue", queues).view());
    v.put("queuesDrawn", Format.count(Math.min(MAX_GROUP_BARS, queues.size())));
    v.put("queuesTotal", Format.count(s.byQueue().size()));
    v.put("queueTable", groupTable("queue-table", "Queues the change moves, most first", "Queue", queues));
    v.put("formTable", groupTable("form-table", "Every evaluation form, most interactions first", "Form", s.byForm()));
    v.put("shiftChart", shifts(s.shifts()).view());

    List<Map<String, Object>> flips = new ArrayList<>();
    for (WhatIfFlip f : s.firstFlips()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.outcome().conversationId().value());
      m.put("flip", f.flip().name());
      m.put("flipClass", f.flip().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      m.put("agent", f.agent());
      m.put("queue", f.queue());
      m.put("form", f.form().orElse("\u2014"));
      m.put("before", Format.score(f.outcome().scoreBefore().decimal()));
      m.put("after", f.outcome().scoreAfter().map(a -> Format.score(a.decimal())).orElse("\u2014"));
      m.put("reasons", f.reasons());
      flips.add(m);
    }
    v.put("flips", flips);
    v.put("flipsShown", Format.count(flips.size()));
    v.put("flipsNote", s.flips() > flips.size()
        ? "The first " + Format.count(flips.size()) + " of " + Format.count(s.flips()) + " flips, in input order, each"
            + " with what moved it."
        : Format.count(s.flips()) + (s.flips() == 1 ? " flip" : " flips") + ", each with what moved it.");
    v.put("css", HtmlAuditReport.resource("report.css"));
    v.put("js", HtmlAuditReport.resource("whatif.js"));
    return v;
  }

  private static List<Map<String, Object>> cards(WhatIfSummary s) {
    List<Map<String, Object>> cards = new ArrayList<>();
    cards.add(card("interactions", "Interactions", Format.count(s.interactions()),
        Format.count(s.notAuditable() + s.invalid()) + " left out (not auditable or invalid)", ""));
    cards.add(card("rescored", "Re-scored", Format.count(s.rescored()),
        s.change().form().isPresent() ? Format.count(s.inScope()) + " of the changed form" : "", ""));
    cards.add(card("affected", "Affected", Format.count(s.affected()), "score or pass flag moved", ""));
    cards.add(card("pass-to-fail", "Pass to fail", Format.count(s.passToFail()), "", s.passToFail() > 0 ? "problem" : ""));
    cards.add(card("fail-to-pass", "Fail to pass", Format.count(s.failToPass()), "", s.failToPass() > 0 ? "good" : ""));
    cards.add(card("pass-rate-before", "Pass rate before", Format.percent(s.overall().passRateBefore()), "", ""));
    cards.add(card("pass-rate-after", "Pass rate after", Format.percent(s.overall().passRateAfter()),
        points(s.overall()), ""));
    return cards;
  }

  private static String points(WhatIfGroupStats g) {
    if (g.passRateBefore().isEmpty() || g.passRateAfter().isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, "%+.1f points", 100 * g.passRateChange());
  }

  private static Map<String, Object> card(String key, String label, String value, String note, String cls) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("label", label);
    m.put("value", value);
    m.put("note", note);
    m.put("cls", cls);
    return m;
  }

  private static Map<String, Object> groupTable(String id, String caption, String keyHeading,
      List<WhatIfGroupStats> groups) {
    List<WhatIfGroupStats> shown = groups.subList(0, Math.min(MAX_GROUP_TABLE_ROWS, groups.size()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WhatIfGroupStats g : shown) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", g.key());
      m.put("rescored", Format.count(g.rescored()));
      m.put("affected", Format.count(g.affected()));
      m.put("before", Format.percent(g.passRateBefore()));
      m.put("after", Format.percent(g.passRateAfter()));
      m.put("change", g.passRateBefore().isPresent() && g.passRateAfter().isPresent()
          ? String.format(Locale.ROOT, "%+.1f", 100 * g.passRateChange()) : "\u2014");
      m.put("passToFail", Format.count(g.passToFail()));
      m.put("failToPass", Format.count(g.failToPass()));
      m.put("shift", g.meanShift().isPresent() ? String.format(Locale.ROOT, "%+.2f", g.meanShift().getAsDouble())
          : "\u2014");
      rows.add(m);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("caption", caption);
    t.put("keyHeading", keyHeading);
    t.put("rows", rows);
    t.put("more", groups.size() > shown.size()
        ? "The first " + Format.count(shown.size()) + " of " + Format.count(groups.size()) + "." : "");
    return t;
  }

  /** Two bars per group, the pass rate before (grey) and after (blue), for the groups moved most. */
  static Svg passRates(String id, String title, List<WhatIfGroupStats> groups) {
    List<WhatIfGroupStats> drawn = groups.subList(0, Math.min(MAX_GROUP_BARS, groups.size()));
    int labelWidth = 190;
    int barWidth = 380;
    int rowHeight = 30;
    int top = 34;
    int width = labelWidth + barWidth + 130;
    int height = top + Math.max(1, drawn.size()) * rowHeight + 24;
    Svg svg = new Svg(id, title, width, height);
    svg.rect(0, 5, 10, 10, "bar-before", "Pass rate before");
    svg.text(14, 14, "Pass rate before", "start", "legend");
    svg.rect(130, 5, 10, 10, "bar-after", "Pass rate after");
    svg.text(144, 14, "Pass rate after", "start", "legend");
    for (int pct = 0; pct <= 100; pct += 25) {
      double x = labelWidth + pct / 100.0 * barWidth;
      svg.line(x, top - 4, x, height - 22, "grid");
      svg.text(x, height - 8, pct + "%", "middle", "tick");
    }
    if (drawn.isEmpty()) {
      svg.text(labelWidth + barWidth / 2.0, top + 20, "The change moves no interaction here", "middle", "empty");
      return svg;
    }
    for (int i = 0; i < drawn.size(); i++) {
      WhatIfGroupStats g = drawn.get(i);
      double y = top + i * rowHeight;
      svg.text(labelWidth - 8, y + 15, Format.shorten(g.key(), 26), "end", "label");
      svg.rect(labelWidth, y + 2, barWidth * g.passRateBefore().orElse(0), 10, "bar-before",
          g.key() + ": pass rate before " + Format.percent(g.passRateBefore()));
      svg.rect(labelWidth, y + 13, barWidth * g.passRateAfter().orElse(0), 10, "bar-after",
          g.key() + ": pass rate after " + Format.percent(g.passRateAfter()) + " (" + Format.count(g.passToFail())
              + " pass to fail, " + Format.count(g.failToPass()) + " fail to pass)");
      svg.text(labelWidth + barWidth + 6, y + 20,
          Format.percent(g.passRateBefore()) + " \u2192 " + Format.percent(g.passRateAfter()), "start", "value");
    }
    return svg;
  }

  /** The score shift histogram: one bar per range, red below 0, green above, grey unchanged. */
  static Svg shifts(ScoreShifts shifts) {
    List<ScoreShifts.Bin> bins = shifts.bins();
    int width = 760;
    int height = 290;
    double ml = 56;
    double mt = 20;
    double pw = width - ml - 16;
    double ph = height - mt - 90;
    Svg svg = new Svg("chart-shifts", "Score shift after the change, in points", width, height);
    long max = 1;
    for (ScoreShifts.Bin b : bins) {
      max = Math.max(max, b.count());
    }
    for (int i = 0; i <= 4; i++) {
      double y = mt + ph - i / 4.0 * ph;
      svg.line(ml, y, ml + pw, y, "grid");
      svg.text(ml - 6, y + 4, Format.count(Math.round(max * i / 4.0)), "end", "tick");
    }
    double step = pw / bins.size();
    for (int i = 0; i < bins.size(); i++) {
      ScoreShifts.Bin b = bins.get(i);
      double x = ml + i * step;
      double h = ph * b.count() / max;
      String cls = b.label().equals("unchanged") ? "bar-same" : b.to() <= 0 ? "bar-down" : "bar-up";
      svg.rect(x + step * 0.12, mt + ph - h, step * 0.76, h, cls,
          b.label() + ": " + Format.count(b.count()) + " interactions");
      svg.text(x + step / 2, mt + ph + 14, b.label().replace(" (below 0)", "").replace(" (above 0)", ""), "end",
          "tick", true);
    }
    return svg;
  }
}
