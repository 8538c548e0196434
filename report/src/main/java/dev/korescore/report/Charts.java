package dev.korescore.report;

import dev.korescore.report.AuditReportModel.DayRow;
import dev.korescore.report.AuditReportModel.GroupRow;
import dev.korescore.report.AuditReportModel.MetricRow;
import dev.korescore.report.AuditReportModel.ScoreBucket;
import dev.korescore.report.AuditReportModel.ScoreCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Draws the report's charts as {@link Svg} shapes: geometry here, escaping in the template. */
final class Charts {
  /** Bars drawn per agent/queue chart; the rest are listed in the table under it. */
  static final int MAX_GROUP_BARS = 15;
  /** Metrics drawn in the metric chart. */
  static final int MAX_METRIC_BARS = 20;
  /** Above this many cells the scatter is re-binned into coarser cells. */
  static final int MAX_SCATTER_CELLS = 3000;

  private Charts() {}

  // ---------------------------------------------------------------- scatter

  static Svg scatter(List<ScoreCell> cells) {
    int size = 520;
    double ml = 56;
    double mt = 16;
    double pw = size - ml - 16;
    double ph = size - mt - 48;
    Svg svg = new Svg("chart-scatter", "Kore's score against the recomputed score", size, size);
    for (int v = -100; v <= 100; v += 50) {
      double x = ml + (v + 100) / 200.0 * pw;
      double y = mt + (100 - v) / 200.0 * ph;
      svg.line(x, mt, x, mt + ph, "grid");
      svg.line(ml, y, ml + pw, y, "grid");
      svg.text(x, mt + ph + 16, Integer.toString(v), "middle", "tick");
      svg.text(ml - 6, y + 4, Integer.toString(v), "end", "tick");
    }
    svg.line(ml, mt + ph, ml + pw, mt, "diagonal");
    svg.text(ml + pw / 2, size - 8, "Recomputed score", "middle", "axis-label");
    svg.text(14, mt + ph / 2, "Kore score", "middle", "axis-label", true);
    List<ScoreCell> drawn = rebin(cells);
    if (drawn.isEmpty()) {
      svg.text(ml + pw / 2, mt + ph / 2, "No scored interaction", "middle", "empty");
      return svg;
    }
    long max = drawn.stream().mapToLong(ScoreCell::count).max().orElse(1);
    // Matches first, problems on top.
    drawn.sort(Comparator.comparingLong(ScoreCell::problems).thenComparingInt(ScoreCell::koreScore));
    for (ScoreCell c : drawn) {
      double x = ml + (clamp(c.recomputedScore()) + 100) / 200.0 * pw;
      double y = mt + (100 - clamp(c.koreScore())) / 200.0 * ph;
      double r = 2.5 + 7.5 * Math.sqrt((double) c.count() / max);
      String tip = "Kore " + c.koreScore() + ", recomputed " + c.recomputedScore() + ": "
          + Format.count(c.count()) + " interaction" + (c.count() == 1 ? "" : "s")
          + (c.problems() > 0 ? ", " + Format.count(c.problems()) + " mismatching" : "");
      svg.circle(x, y, r, c.problems() > 0 ? "pt pt-problem" : "pt pt-match", tip);
    }
    return svg;
  }

  private static double clamp(int score) {
    return Math.max(-100, Math.min(100, score));
  }

  /** The cells, coarsened to 5-point bins when there are too many to draw. */
  static List<ScoreCell> rebin(List<ScoreCell> cells) {
    if (cells.size() <= MAX_SCATTER_CELLS) {
      return new ArrayList<>(cells);
    }
    Map<Long, long[]> bins = new HashMap<>();
    for (ScoreCell c : cells) {
      int k = Math.floorDiv(c.koreScore(), 5) * 5;
      int r = Math.floorDiv(c.recomputedScore(), 5) * 5;
      long key = ((long) k << 32) | (r & 0xffffffffL);
      long[] acc = bins.computeIfAbsent(key, unused -> new long[2]);
      acc[0] += c.count();
      acc[1] += c.problems();
    }
    List<ScoreCell> out = new ArrayList<>();
    bins.forEach((key, acc) -> out.add(new ScoreCell((int) (key >> 32), (int) (long) key, acc[0], acc[1])));
    return out;
  }

  // ---------------------------------------------------------------- distributions

  static Svg distribution(List<ScoreBucket> buckets) {
    int width = 760;
    int height = 250;
    double ml = 56;
    double mt = 30;
    double pw = width - ml - 16;
    double ph = height - mt - 40;
    Svg svg = new Svg("chart-distribution", "Distribution of Kore's and the recomputed scores", width, height);
    legend(svg, ml, 14, new String[][] {{"bar-reported", "Kore score"}, {"bar-recomputed", "Recomputed score"}});
    long max = 1;
    for (ScoreBucket b : buckets) {
      max = Math.max(max, Math.max(b.kore(), b.recomputed()));
    }
    for (int i = 0; i <= 4; i++) {
      double y = mt + ph - i / 4.0 * ph;
      svg.line(ml, y, ml + pw, y, "grid");
      svg.text(ml - 6, y + 4, Format.count(Math.round(max * i / 4.0)), "end", "tick");
    }
    if (buckets.isEmpty()) {
      svg.text(ml + pw / 2, mt + ph / 2, "No scored interaction", "middle", "empty");
      return svg;
    }
    double step = pw / buckets.size();
    for (int i = 0; i < buckets.size(); i++) {
      ScoreBucket b = buckets.get(i);
      double x = ml + i * step;
      double hk = ph * b.kore() / max;
      double hr = ph * b.recomputed() / max;
      svg.rect(x + step * 0.1, mt + ph - hk, step * 0.4, hk, "bar-reported",
          b.label() + ": " + Format.count(b.kore()) + " Kore scores");
      svg.rect(x + step * 0.5, mt + ph - hr, step * 0.4, hr, "bar-recomputed",
          b.label() + ": " + Format.count(b.recomputed()) + " recomputed scores");
      if (i % 2 == 0) {
        svg.text(x + step / 2, mt + ph + 16, b.label(), "middle", "tick");
      }
    }
    return svg;
  }

  // ---------------------------------------------------------------- agents and queues

  /** The groups drawn: most mismatches first, then most interactions, then by key. */
  static List<GroupRow> worstGroups(List<GroupRow> rows, int limit) {
    return rows.stream()
        .sorted(Comparator.comparingDouble((GroupRow g) -> -g.mismatchRate().orElse(0))
            .thenComparing(Comparator.comparingLong(GroupRow::interactions).reversed())
            .thenComparing(GroupRow::key))
        .limit(limit)
        .toList();
  }

  static Svg groups(String id, String title, List<GroupRow> rows) {
    List<GroupRow> drawn = worstGroups(rows, MAX_GROUP_BARS);
    int labelWidth = 190;
    int barWidth = 380;
    int rowHeight = 40;
    int top = 34;
    int width = labelWidth + barWidth + 70;
    int height = top + Math.max(1, drawn.size()) * rowHeight + 24;
    Svg svg = new Svg(id, title, width, height);
    legend(svg, 0, 14, new String[][] {
        {"bar-reported", "Kore pass rate"}, {"bar-recomputed", "Recomputed pass rate"},
        {"bar-mismatch", "Mismatch rate"}});
    for (int pct = 0; pct <= 100; pct += 25) {
      double x = labelWidth + pct / 100.0 * barWidth;
      svg.line(x, top - 4, x, height - 22, "grid");
      svg.text(x, height - 8, pct + "%", "middle", "tick");
    }
    if (drawn.isEmpty()) {
      svg.text(labelWidth + barWidth / 2.0, top + 20, "No data", "middle", "empty");
      return svg;
    }
    for (int i = 0; i < drawn.size(); i++) {
      GroupRow g = drawn.get(i);
      double y = top + i * rowHeight;
      svg.text(labelWidth - 8, y + 20, Format.shorten(g.key(), 26), "end", "label");
      bar(svg, labelWidth, y + 2, barWidth, g.reportedPassRate(), "bar-reported",
          g.key() + ": Kore pass rate " + Format.percent(g.reportedPassRate()));
      bar(svg, labelWidth, y + 13, barWidth, g.recomputedPassRate(), "bar-recomputed",
          g.key() + ": recomputed pass rate " + Format.percent(g.recomputedPassRate()));
      bar(svg, labelWidth, y + 24, barWidth, g.mismatchRate(), "bar-mismatch",
          g.key() + ": " + Format.count(g.mismatches()) + " mismatches in " + Format.count(g.auditable())
              + " auditable (" + Format.percent(g.mismatchRate()) + ")");
      svg.text(labelWidth + barWidth + 6, y + 33, Format.percent(g.mismatchRate()), "start", "value");
    }
    return svg;
  }

  private static void bar(Svg svg, double x, double y, double full, OptionalDouble share, String cls, String tip) {
    svg.rect(x, y, full * share.orElse(0), 9, cls, tip);
  }

  private static void legend(Svg svg, double x, double y, String[][] entries) {
    double at = x;
    for (String[] e : entries) {
      svg.rect(at, y - 9, 10, 10, e[0], e[1]);
      svg.text(at + 14, y, e[1], "start", "legend");
      at += 24 + e[1].length() * 6.6;
    }
  }

  // ---------------------------------------------------------------- metrics

  /** The metrics drawn: most involved in mismatches first, then most answered, then by name. */
  static List<MetricRow> worstMetrics(List<MetricRow> rows, int limit) {
    return rows.stream()
        .sorted(Comparator.comparingLong((MetricRow m) -> -m.mismatchInvolved())
            .thenComparing(Comparator.comparingLong(MetricRow::total).reversed())
            .thenComparing(MetricRow::name))
        .limit(limit)
        .toList();
  }

  static Svg metrics(List<MetricRow> rows) {
    List<MetricRow> drawn = worstMetrics(rows, MAX_METRIC_BARS);
    int labelWidth = 190;
    int stackWidth = 300;
    int gap = 24;
    int involvedWidth = 130;
    int rowHeight = 24;
    int top = 40;
    int width = labelWidth + stackWidth + gap + involvedWidth + 60;
    int height = top + Math.max(1, drawn.size()) * rowHeight + 10;
    Svg svg = new Svg("chart-metrics", "Each metric's answers and its part in mismatches", width, height);
    legend(svg, 0, 14, new String[][] {
        {"s-yes", "YES"}, {"s-no", "NO"}, {"s-na", "NA"}, {"s-other", "manual / other"},
        {"bar-mismatch", "in mismatches"}});
    svg.text(labelWidth, top - 8, "Share of answers", "start", "axis-label");
    svg.text(labelWidth + stackWidth + gap, top - 8, "Mismatches involved", "start", "axis-label");
    if (drawn.isEmpty()) {
      svg.text(labelWidth + stackWidth / 2.0, top + 16, "No metric", "middle", "empty");
      return svg;
    }
    long maxInvolved = Math.max(1, drawn.stream().mapToLong(MetricRow::mismatchInvolved).max().orElse(1));
    for (int i = 0; i < drawn.size(); i++) {
      MetricRow m = drawn.get(i);
      double y = top + i * rowHeight;
      svg.text(labelWidth - 8, y + 14, Format.shorten(m.name(), 26), "end", "label");
      long total = Math.max(1, m.total());
      double x = labelWidth;
      long[] counts = {m.yes(), m.no(), m.na(), m.other()};
      String[] classes = {"s-yes", "s-no", "s-na", "s-other"};
      String[] names = {"YES", "NO", "NA", "manual/other"};
      for (int k = 0; k < counts.length; k++) {
        double w = stackWidth * (double) counts[k] / total;
        if (counts[k] > 0) {
          svg.rect(x, y + 3, w, 14, classes[k], m.name() + ": " + names[k] + " " + Format.count(counts[k])
              + " (" + Format.percent((double) counts[k] / total) + ")");
        }
        x += w;
      }
      double ix = labelWidth + stackWidth + gap;
      svg.rect(ix, y + 3, involvedWidth * (double) m.mismatchInvolved() / maxInvolved, 14, "bar-mismatch",
          m.name() + ": involved in " + Format.count(m.mismatchInvolved()) + " mismatches");
      svg.text(ix + involvedWidth + 6, y + 15, Format.count(m.mismatchInvolved()), "start", "value");
    }
    return svg;
  }

  // ---------------------------------------------------------------- days

  static Svg daily(List<DayRow> days) {
    int width = 760;
    int height = 280;
    double ml = 56;
    double mr = 48;
    double mt = 30;
    double mb = 40;
    double pw = width - ml - mr;
    double ph = height - mt - mb;
    Svg svg = new Svg("chart-daily", "Daily volume and average score", width, height);
    legend(svg, ml, 14, new String[][] {
        {"bar-volume", "Interactions"}, {"swatch-kore", "Average Kore score"},
        {"swatch-recomputed", "Average recomputed score"}});
    if (days.isEmpty()) {
      svg.text(ml + pw / 2, mt + ph / 2, "No dated interaction", "middle", "empty");
      return svg;
    }
    long maxVolume = Math.max(1, days.stream().mapToLong(DayRow::interactions).max().orElse(1));
    double lowScore = 0;
    for (DayRow d : days) {
      lowScore = Math.min(lowScore, d.averageKoreScore().orElse(0));
      lowScore = Math.min(lowScore, d.averageRecomputedScore().orElse(0));
    }
    lowScore = Math.max(-100, Math.floor(lowScore / 25) * 25);
    double scoreLow = lowScore;
    for (int i = 0; i <= 4; i++) {
      double y = mt + ph - i / 4.0 * ph;
      svg.line(ml, y, ml + pw, y, "grid");
      svg.text(ml - 6, y + 4, Format.count(Math.round(maxVolume * i / 4.0)), "end", "tick");
      svg.text(ml + pw + 6, y + 4, Format.coord(scoreLow + (100 - scoreLow) * i / 4.0), "start", "tick");
    }
    svg.text(14, mt + ph / 2, "Interactions", "middle", "axis-label", true);
    svg.text(width - 10, mt + ph / 2, "Score", "middle", "axis-label", true);
    double step = pw / days.size();
    int labelEvery = (int) Math.ceil(days.size() / 8.0);
    List<double[]> kore = new ArrayList<>();
    List<double[]> recomputed = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      DayRow d = days.get(i);
      double x = ml + i * step;
      double h = ph * d.interactions() / maxVolume;
      svg.rect(x + step * 0.1, mt + ph - h, step * 0.8, h, "bar-volume",
          d.day() + ": " + Format.count(d.interactions()) + " interactions, average Kore score "
              + Format.score(d.averageKoreScore()) + ", recomputed " + Format.score(d.averageRecomputedScore()));
      double cx = x + step / 2;
      d.averageKoreScore().ifPresent(s -> kore.add(new double[] {cx, scoreY(s, scoreLow, mt, ph)}));
      d.averageRecomputedScore().ifPresent(s -> recomputed.add(new double[] {cx, scoreY(s, scoreLow, mt, ph)}));
      if (i % labelEvery == 0) {
        svg.text(cx, mt + ph + 16, d.day().toString(), "middle", "tick");
      }
    }
    if (kore.size() > 1) {
      svg.polyline(kore, "line-kore");
    }
    if (recomputed.size() > 1) {
      svg.polyline(recomputed, "line-recomputed");
    }
    for (double[] p : kore) {
      svg.circle(p[0], p[1], 2.5, "dot-kore", "");
    }
    for (double[] p : recomputed) {
      svg.circle(p[0], p[1], 2.5, "dot-recomputed", "");
    }
    return svg;
  }

  private static double scoreY(double score, double low, double mt, double ph) {
    double s = Math.max(low, Math.min(100, score));
    return mt + ph - (s - low) / (100 - low) * ph;
  }
}
