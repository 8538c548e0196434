/**
 * The scoring engine: recomputes Kore's evaluation score from a record's own metrics in exact
 * arithmetic, verifies Kore's score and pass flag under a stated {@link
 * dev.korescore.core.policy.ScoringPolicy}, explains every verdict, and aggregates verdicts over a
 * stream in constant memory. Pure: no I/O, no printing, no clock. Start with {@link
 * dev.korescore.scoring.KoreAuditor}.
 */
package dev.korescore.scoring;
