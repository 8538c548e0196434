package dev.korescore.cli.audit;

import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.GroupStats;
import dev.korescore.scoring.MetricStats;
import dev.korescore.scoring.PolicyInference;
import dev.korescore.scoring.ProblemInteraction;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import dev.korescore.core.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The terminal summary of an audit, for a QA analyst. Every string from the data (agent, queue and
 * metric names, conversation ids, reasons) goes through {@link TerminalText}: control characters shown
 * as escapes, names longer than {@value #NAME_WIDTH} characters cut with an ellipsis.
 */
final class TextSummary {
  static final int WORST = 5;
  /** Problems explained at most: the summary keeps more (for the HTML report), a terminal shows these. */
  static final int EXPLAINED = 50;
  static final int NAME_WIDTH = 60;

  private TextSummary() {}

  static void print(AuditSummary s, PrintWriter out) {
    out.printf(Locale.ROOT, "Audited %,d interactions under %s%n", s.interactions(), s.policy().describe());
    long auditable = s.auditable();
    out.printf(Locale.ROOT, "  %-15s %,10d%s%n", "match", s.count(VerdictKind.MATCH),
        auditable == 0 ? "" : "  (" + percent((double) s.count(VerdictKind.MATCH) / auditable) + " of "
            + String.format(Locale.ROOT, "%,d", auditable) + " auditable)");
    out.printf(Locale.ROOT, "  %-15s %,10d%n", "score mismatch", s.count(VerdictKind.SCORE_MISMATCH));
    out.printf(Locale.ROOT, "  %-15s %,10d%n", "pass mismatch", s.count(VerdictKind.PASS_MISMATCH));
    out.printf(Locale.ROOT, "  %-15s %,10d%n", "not auditable", s.count(VerdictKind.NOT_AUDITABLE));
    out.printf(Locale.ROOT, "  %-15s %,10d%n", "invalid", s.count(VerdictKind.INVALID));
    out.printf(Locale.ROOT, "Pass rate: Kore %s, recomputed %s%n", rate(s.korePassRate(), s.korePassKnown()),
        rate(s.computedPassRate(), s.computedPassKnown()));
    s.repeatedIds().describe().ifPresent(text -> out.println("Repeated ids: " + text + " (each occurrence audited)"));

    groups(out, "agents", AuditSummary.worst(s.byAgent(), WORST));
    groups(out, "queues", AuditSummary.worst(s.byQueue(), WORST));
    List<MetricStats> metrics = s.worstMetrics(WORST);
    if (!metrics.isEmpty()) {
      out.println();
      out.println("Metrics most often in a mismatch:");
      for (MetricStats m : metrics) {
        out.printf(Locale.ROOT, "  %-40s %,8d mismatching of %,d answered  (YES %s, NO %s, NA %s)%n", quoted(m.name()),
            m.involvedInMismatch(), m.yes() + m.no() + m.na(), percent(m.yesShare()), percent(m.noShare()),
            percent(m.naShare()));
      }
    }
    s.inference().ifPresent(inference -> inference(out, inference));
    List<ProblemInteraction> problems = s.firstProblems().subList(0, Math.min(EXPLAINED, s.firstProblems().size()));
    if (!problems.isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "First %d problem%s of %,d:%n", problems.size(), problems.size() == 1 ? "" : "s", s.problems());
      for (ProblemInteraction problem : problems) {
        Verdict v = problem.verdict();
        out.println();
        out.printf(Locale.ROOT, "%s  %s%n", TerminalText.visible(v.conversationId().toString(), 100), v.kind());
        for (String reason : v.reasons()) {
          out.printf(Locale.ROOT, "  %s%n", TerminalText.visible(reason));
        }
        printLines(out, v.explanation().render("    "));
      }
    }
    out.println();
    out.println(s.problems() == 0
        ? "Every auditable interaction matched."
        : String.format(Locale.ROOT, "%,d problem%s found (%,d mismatch%s, %,d invalid).", s.problems(),
            s.problems() == 1 ? "" : "s", s.mismatches(), s.mismatches() == 1 ? "" : "es",
            s.count(VerdictKind.INVALID)));
    out.flush();
  }

  /** One line: {@code audit: 4 interactions, 2 match, 1 score mismatch, ...}. */
  static String oneLine(AuditSummary s) {
    return String.format(Locale.ROOT,
        "audit: %,d interactions, %,d match, %,d score mismatch, %,d pass mismatch, %,d not auditable, %,d invalid",
        s.interactions(), s.count(VerdictKind.MATCH), s.count(VerdictKind.SCORE_MISMATCH),
        s.count(VerdictKind.PASS_MISMATCH), s.count(VerdictKind.NOT_AUDITABLE), s.count(VerdictKind.INVALID));
  }

  private static void groups(PrintWriter out, String what, List<GroupStats> worst) {
    if (worst.isEmpty()) {
      return;
    }
    out.println();
    out.println("Worst " + what + " (most mismatches):");
    int width = 10;
    for (GroupStats g : worst) {
      width = Math.max(width, Math.min(70, quoted(g.key()).length()));
    }
    for (GroupStats g : worst) {
      out.printf(Locale.ROOT, "  %-" + width + "s %,8d of %,d auditable (%s)%n", quoted(g.key()), g.mismatches(),
          g.auditable(), percent(g.mismatchRate()));
    }
  }

  private static void inference(PrintWriter out, PolicyInference inference) {
    out.println();
    out.printf(Locale.ROOT, "Policy inference over %,d evaluated records with valid metrics:%n", inference.considered());
    for (PolicyInference.Share share : inference.shares()) {
      out.printf(Locale.ROOT, "  %7s  %-62s %s%n", percent(share.share()), share.policy().describe(), share.description());
    }
  }

  private static String quoted(String key) {
    String shown = TerminalText.visible(key, NAME_WIDTH);
    return key.equals(key.strip()) ? shown : "'" + shown + "'";
  }

  /** Multi-line text, each line shown safely. */
  private static void printLines(PrintWriter out, String text) {
    text.lines().forEach(line -> out.println(TerminalText.visible(line)));
  }

  private static String rate(OptionalDouble rate, long of) {
    return rate.isPresent() ? percent(rate.getAsDouble()) + " of " + String.format(Locale.ROOT, "%,d", of) : "n/a";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
