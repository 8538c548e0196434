package dev.korescore.cli.store;

import dev.korescore.core.store.WeeklyChanges;
import dev.korescore.report.AuditReportModel.WeekRow;
import dev.korescore.report.HtmlAuditReport;
import dev.korescore.scoring.AuditSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The weekly trends of an audit over a store, as the terminal shows them (the HTML report has its own section). */
public final class Trends {
  private Trends() {}

  /** The audit's weeks joined with the store's changes (one join, shared with the HTML report). */
  public static List<WeekRow> weeks(AuditSummary summary, List<WeeklyChanges> changes) {
    return HtmlAuditReport.weeks(summary, changes);
  }

  public static void print(List<WeekRow> weeks, PrintWriter out) {
    if (weeks.isEmpty()) {
      return;
    }
    out.println();
    out.println("Weekly trends (ISO weeks, UTC; re-scores and other changes as the store observed them):");
    out.printf(Locale.ROOT, "  %-10s %12s %10s %12s %10s %10s %8s%n", "week", "interactions", "Kore pass",
        "recomputed", "mismatches", "re-scores", "other");
    for (WeekRow w : weeks) {
      out.printf(Locale.ROOT, "  %-10s %,12d %10s %12s %,10d %,10d %,8d%n", w.weekStart(), w.interactions(),
          percent(w.korePassRate()), percent(w.recomputedPassRate()), w.mismatches(), w.rescored(), w.otherChanges());
    }
    out.flush();
  }

  private static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble() * 100) : "-";
  }
}
