package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoredConversationsTest {
  @Test
  void holdsEveryStoredAndAddedConversationAndRarelyAnyOther() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE interactions (conversation_id VARCHAR)");
      s.execute("INSERT INTO interactions SELECT 'stored-' || i FROM range(5000) t(i)");
      StoredConversations stored = StoredConversations.read(c, "interactions");
      stored.add("added-1");

      assertThat(IntStream.range(0, 5000).mapToObj(i -> "stored-" + i)).allMatch(stored::mayHold);
      assertThat(stored.mayHold("added-1")).isTrue();
      long falsePositives = IntStream.range(0, 100_000).mapToObj(i -> "other-" + i).filter(stored::mayHold).count();
      assertThat(falsePositives).isLessThan(10); // about 1 expected
      assertThat(stored.full()).isFalse();
    }
  }

  @Test
  void isFullOnceItHoldsMoreThanItWasSizedFor() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE interactions (conversation_id VARCHAR)");
      StoredConversations stored = StoredConversations.read(c, "interactions");
      for (int i = 0; i < 1 << 20; i++) {
        stored.add("c-" + i);
      }
      assertThat(stored.full()).isFalse();
      for (int i = 0; i < 1000; i++) {
        stored.add("more-" + i);
      }
      assertThat(stored.full()).isTrue();
    }
  }
}
