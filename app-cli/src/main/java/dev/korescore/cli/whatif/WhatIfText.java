package dev.korescore.cli.whatif;

import dev.korescore.core.text.TerminalText;
import dev.korescore.scoring.ScoreShifts;
import dev.korescore.scoring.WhatIfFlip;
import dev.korescore.scoring.WhatIfGroupStats;
import dev.korescore.scoring.WhatIfSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The terminal summary of a what-if, for a QA lead deciding on a form change. */
final class WhatIfText {
  static final int MOST_MOVED = 5;

  private WhatIfText() {}

  static void print(WhatIfSummary s, int flipsShown, PrintWriter out) {
    out.printf(Locale.ROOT, "What if: %s%n", TerminalText.visible(s.change().describe()));
    out.printf(Locale.ROOT, "  against the current policy %s%n", s.policy().describe());
    out.printf(Locale.ROOT, "%-22s %,10d%n", "Interactions", s.interactions());
    out.printf(Locale.ROOT, "  %-20s %,10d%s%n", "re-scored", s.rescored(),
        s.change().form().isPresent()
            ? String.format(Locale.ROOT, "  (%,d of form '%s')", s.inScope(), TerminalText.visible(s.change().form().get()))
            : "");
    out.printf(Locale.ROOT, "  %-20s %,10d  (left out)%n", "not auditable", s.notAuditable());
    out.printf(Locale.ROOT, "  %-20s %,10d  (left out)%n", "invalid", s.invalid());
    out.printf(Locale.ROOT, "%-22s %,10d  (score or pass flag moved)%n", "Affected", s.affected());
    if (s.noScoreAfter() > 0) {
      out.printf(Locale.ROOT, "  %-20s %,10d  (the change leaves no applicable weight)%n", "no score after",
          s.noScoreAfter());
    }
    out.printf(Locale.ROOT, "%-22s %,10d  (pass -> fail %,d, fail -> pass %,d)%n", "Flips", s.flips(), s.passToFail(),
        s.failToPass());
    WhatIfGroupStats all = s.overall();
    out.printf(Locale.ROOT, "%-22s before %s, after %s%s%n", "Pass rate", rate(all.passRateBefore(), all.passKnownBefore()),
        rate(all.passRateAfter(), all.passKnownAfter()), points(all));

    groups(out, "By form", s.byForm(), 10);
    groups(out, "Agents that move most", WhatIfSummary.mostMoved(s.byAgent(), MOST_MOVED), MOST_MOVED);
    groups(out, "Queues that move most", WhatIfSummary.mostMoved(s.byQueue(), MOST_MOVED), MOST_MOVED);

    out.println();
    out.println("Score shift (after - before), re-scored interactions with a score after:");
    ScoreShifts shifts = s.shifts();
    long total = shifts.unchanged() + shifts.moved();
    for (ScoreShifts.Bin bin : shifts.bins()) {
      if (bin.count() == 0 && !bin.label().equals("unchanged")) {
        continue;
      }
      out.printf(Locale.ROOT, "  %-18s %,10d  %6s  %s%n", bin.label(), bin.count(),
          total == 0 ? "" : percent((double) bin.count() / total), bar(bin.count(), total));
    }

    List<WhatIfFlip> flips = s.firstFlips();
    if (!flips.isEmpty() && flipsShown > 0) {
      int shown = Math.min(flipsShown, flips.size());
      out.println();
      out.printf(Locale.ROOT, "First %d flip%s of %,d:%n", shown, shown == 1 ? "" : "s", s.flips());
      for (WhatIfFlip flip : flips.subList(0, shown)) {
        out.printf(Locale.ROOT, "  %s  %s  agent %s, queue %s%s%n", TerminalText.visible(flip.outcome().conversationId().value()),
            flip.flip(), TerminalText.visible(flip.agent()), TerminalText.visible(flip.queue()),
            flip.form().map(f -> ", form " + TerminalText.visible(f)).orElse(""));
        for (String reason : flip.reasons()) {
          out.printf(Locale.ROOT, "    %s%n", TerminalText.visible(reason));
        }
      }
    }
    out.println();
    out.println(s.flips() == 0
        ? "Nothing flips."
        : String.format(Locale.ROOT, "%,d interaction%s flip%s (%,d pass -> fail, %,d fail -> pass).", s.flips(),
            s.flips() == 1 ? "" : "s", s.flips() == 1 ? "s" : "", s.passToFail(), s.failToPass()));
    out.flush();
  }

  /** {@code whatif: N interactions, N re-scored, N affected, N pass -> fail, N fail -> pass}. */
  static String oneLine(WhatIfSummary s) {
    return String.format(Locale.ROOT,
        "whatif: %,d interactions, %,d re-scored, %,d affected, %,d pass -> fail, %,d fail -> pass,"
            + " %,d not auditable, %,d invalid",
        s.interactions(), s.rescored(), s.affected(), s.passToFail(), s.failToPass(), s.notAuditable(), s.invalid());
  }

  private static void groups(PrintWriter out, String title, List<WhatIfGroupStats> groups, int limit) {
    if (groups.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + ":");
    List<WhatIfGroupStats> shown = groups.subList(0, Math.min(limit, groups.size()));
    int width = 10;
    for (WhatIfGroupStats g : shown) {
      width = Math.max(width, Math.min(60, TerminalText.visible(g.key()).length() + 2));
    }
    out.printf(Locale.ROOT, "  %-" + width + "s %10s %8s %8s %8s %10s %10s %8s%n", "", "re-scored", "before", "after",
        "change", "pass>fail", "fail>pass", "shift");
    for (WhatIfGroupStats g : shown) {
      out.printf(Locale.ROOT, "  %-" + width + "s %,10d %8s %8s %8s %,10d %,10d %8s%n", shorten(quoted(g.key()), width),
          g.rescored(), percentOr(g.passRateBefore()), percentOr(g.passRateAfter()),
          g.passRateBefore().isPresent() && g.passRateAfter().isPresent()
              ? String.format(Locale.ROOT, "%+.1f", 100 * g.passRateChange()) : "n/a",
          g.passToFail(), g.failToPass(),
          g.meanShift().isPresent() ? String.format(Locale.ROOT, "%+.2f", g.meanShift().getAsDouble()) : "n/a");
    }
    if (groups.size() > shown.size()) {
      out.printf(Locale.ROOT, "  ... and %,d more%n", groups.size() - shown.size());
    }
  }

  private static String quoted(String key) {
    String visible = TerminalText.visible(key);
    return key.equals(key.strip()) ? visible : "'" + visible + "'";
  }

  private static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  private static String points(WhatIfGroupStats g) {
    if (g.passRateBefore().isEmpty() || g.passRateAfter().isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, " (%+.1f points)", 100 * g.passRateChange());
  }

  private static String rate(OptionalDouble rate, long of) {
    return rate.isPresent() ? percent(rate.getAsDouble()) + " of " + String.format(Locale.ROOT, "%,d", of) : "n/a";
  }

  private static String percentOr(OptionalDouble rate) {
    return rate.isPresent() ? percent(rate.getAsDouble()) : "n/a";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String bar(long count, long total) {
    int n = total == 0 ? 0 : (int) Math.round(30.0 * count / total);
    return "#".repeat(count > 0 ? Math.max(1, n) : 0);
  }
}
