/**
 * Kore's wire JSON written by the testkit itself (not by our JSON adapter): records in every API
 * version's key style ({@link dev.korescore.testkit.wire.KeyStyle}) and the Raw Data response envelope.
 */
package dev.korescore.testkit.wire;
