/**
 * The store commands: {@code sync} (fetch into the versioned store, window by window, each window one
 * transaction), {@code history}, {@code export}, and the reading side that {@code audit --store} uses.
 * {@link dev.korescore.cli.store.StoreSync} is the reusable sync service ({@code demo} uses it too).
 */
package dev.korescore.cli.store;
