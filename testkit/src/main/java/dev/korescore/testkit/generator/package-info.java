/**
 * Seeded, deterministic generators of realistic Kore Raw Data with planted discrepancies and the truth
 * recorded: {@link dev.korescore.testkit.generator.InteractionGenerator}, and the testkit's own reading of
 * Kore's scoring rules, {@link dev.korescore.testkit.generator.KoreRules}.
 */
package dev.korescore.testkit.generator;
