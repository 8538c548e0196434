/**
 * {@code korescore audit}: reads Kore interactions, verifies each with the scoring engine and writes a
 * summary (text) or one line per interaction (JSON Lines, CSV). {@link dev.korescore.cli.audit.AuditRun}
 * is the reusable service behind the command, for {@code demo} and {@code audit --from/--to}.
 */
package dev.korescore.cli.audit;
