package dev.korescore.adapters.jdbc;

import dev.korescore.core.store.WriteInteractionStorePort;

/** A second process for the lock test: opens the store as its writer, says so, and waits to be killed. */
public final class HoldStore {
  private HoldStore() {}

  public static void main(String[] args) throws InterruptedException {
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(args[0])) {
      System.out.println("holding " + store.location());
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
