package dev.korescore.adapters.jdbc;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which conversations the store may hold: a Bloom filter over the stored conversation ids, read
 * once when the writer first needs it and kept up to date with every conversation it writes. "No" is
 * certain, so a chunk whose conversations are all new needs no look-up in the store (without an index,
 * each look-up scans every stored conversation: a first sync would cost the square of its size); "maybe"
 * (the stored ones, and about one in 100,000 others) is looked up. About 3 bytes per conversation.
 */
final class StoredConversations {
  private static final double FALSE_POSITIVES = 1e-5;
  private static final long MIN_CAPACITY = 1 << 20;

  private final BloomFilter<CharSequence> filter;
  private final long capacity;
  private long count;

  private StoredConversations(long capacity) {
    this.capacity = capacity;
    this.filter = BloomFilter.create(Funnels.unencodedCharsFunnel(), capacity, FALSE_POSITIVES);
  }

  /**
   * The conversations of {@code connection}'s store ({@code table}: where it keeps its current rows), as its
   * transaction sees them, with room to double.
   */
  static StoredConversations read(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      long stored;
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        stored = rs.getLong(1);
      }
      StoredConversations conversations = new StoredConversations(Math.max(MIN_CAPACITY, 2 * stored));
      try (ResultSet rs = statement.executeQuery("SELECT conversation_id FROM " + table)) {
        while (rs.next()) {
          conversations.add(rs.getString(1));
        }
      }
      return conversations;
    }
  }

  /** False when the store certainly does not hold {@code conversationId}. */
  boolean mayHold(String conversationId) {
    return filter.mightContain(conversationId);
  }

  void add(String conversationId) {
    if (filter.put(conversationId)) {
      count++;
    }
  }

  /** True once it holds more conversations than it was sized for (its false positives grow): read it again. */
  boolean full() {
    return count > capacity;
  }
}
