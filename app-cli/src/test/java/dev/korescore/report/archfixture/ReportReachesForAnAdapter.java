package dev.korescore.report.archfixture;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;

/**
 * A deliberately bad "report" class, test-only: it reads Kore's wire format itself instead of rendering
 * an {@code AuditSummary}. {@code ArchitectureRulesCanFailTest} proves the report's rules catch it; the
 * production rules never see it (tests are not imported).
 */
public final class ReportReachesForAnAdapter {
  private ReportReachesForAnAdapter() {}

  public static Object reader() {
    return JacksonInteractionReaderAdapter.create();
  }
}
