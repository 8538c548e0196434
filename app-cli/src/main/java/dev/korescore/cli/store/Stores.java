package dev.korescore.cli.store;

import dev.korescore.adapters.jdbc.JdbcInteractionStoreAdapter;
import dev.korescore.cli.common.CliException;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.WriteInteractionStorePort;

/**
 * Opens the store a {@code --store} option names: the one place the CLI chooses the store adapter. A
 * value that names no store is a usage error; a store that cannot be used throws its {@link
 * dev.korescore.core.store.StoreException} (exit 2).
 */
public final class Stores {
  private Stores() {}

  public static WriteInteractionStorePort openWriter(String store) {
    try {
      return JdbcInteractionStoreAdapter.openWriter(store);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--store: " + e.getMessage());
    }
  }

  public static ReadInteractionStorePort openReader(String store) {
    try {
      return JdbcInteractionStoreAdapter.openReader(store);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--store: " + e.getMessage());
    }
  }
}
