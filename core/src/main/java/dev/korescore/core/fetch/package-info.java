/**
 * Fetching Kore Raw Data: the request ({@link dev.korescore.core.fetch.FetchRequest}, split into
 * {@link dev.korescore.core.fetch.DateWindow}s), the records kept exactly as received ({@link
 * dev.korescore.core.fetch.RawRecord}), the completeness ledger per window ({@link
 * dev.korescore.core.fetch.WindowLedger}), the outbound port ({@link
 * dev.korescore.core.fetch.FetchRawDataPort}) and its typed failures ({@link
 * dev.korescore.core.fetch.FetchException}). JDK types only.
 */
package dev.korescore.core.fetch;
