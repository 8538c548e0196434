package dev.korescore.adapters.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on a real DuckDB file in a temporary directory. */
class DuckDbInteractionStoreTest extends InteractionStoreContract {
  private final AtomicInteger stores = new AtomicInteger();

  @Override
  String newStore() {
    return dir.resolve("store-" + stores.incrementAndGet() + ".duckdb").toString();
  }

  @Override
  Connection rawConnection(String store) throws Exception {
    return DriverManager.getConnection("jdbc:duckdb:" + store);
  }
}
