/**
 * The assumptions an auditor states when it recomputes Kore's scores: how NA answers count, which pass
 * rule applies, whether fatal metrics zero the score, clamping and tolerance. A core value (not a
 * scoring-engine class) so that the CLI, the report and the testkit generators can all name and
 * generate policies without depending on the engine.
 */
package dev.korescore.core.policy;
