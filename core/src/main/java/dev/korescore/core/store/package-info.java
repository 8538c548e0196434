/**
 * The versioned interaction store: every fetched record kept with each version Kore ever reported for
 * it. The outbound ports ({@link dev.korescore.core.store.WriteInteractionStorePort} and {@link
 * dev.korescore.core.store.ReadInteractionStorePort}): the first upserts a window of
 * scored records and advances the sync state in one transaction, the second answers the queries of {@code
 * sync}, {@code audit --store}, {@code whatif --store}, {@code history} and {@code export}. A new version is recorded only when
 * a record's {@link dev.korescore.core.store.ContentHash} (over its canonical JSON) changes; {@link
 * dev.korescore.core.store.VersionChange} says what changed. JDK types only.
 */
package dev.korescore.core.store;
