package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.json.WireField.Level;
import org.junit.jupiter.api.Test;

/** The key cache answers exactly as the one key rule ({@link WireField#lookup}), however the key arrives. */
class KeyCacheTest {

  @Test
  void everyStyleOfEveryFieldIsFoundAtItsLevelOnly() {
    KeyCache cache = new KeyCache();
    for (int round = 0; round < 2; round++) { // the second round answers from the cache
      for (WireField field : WireField.values()) {
        for (KeyStyle style : KeyStyle.values()) {
          String key = field.key(style);
          for (Level level : Level.values()) {
            assertThat(cache.lookup(level, key)).as(level + " " + key).isEqualTo(WireField.lookup(level, key));
          }
          assertThat(cache.lookup(field.level(), key)).isEqualTo(field);
        }
      }
    }
  }

  @Test
  void equalKeysThatAreNotTheSameStringGiveTheSameAnswer() {
    KeyCache cache = new KeyCache();
    String first = new String("Kore Evaluation Score");
    String second = new String("Kore Evaluation Score");
    assertThat(cache.lookup(Level.RECORD, first)).isEqualTo(WireField.KORE_SCORE);
    assertThat(cache.lookup(Level.RECORD, second)).isEqualTo(WireField.KORE_SCORE);
    assertThat(cache.lookup(Level.RECORD, "koreEvalutionScore")).isEqualTo(WireField.KORE_SCORE);
    assertThat(cache.lookup(Level.RECORD, "kore_evaluation-score")).isEqualTo(WireField.KORE_SCORE);
  }

  @Test
  void unknownKeysAreRememberedAsUnknown() {
    KeyCache cache = new KeyCache();
    String key = "Customer Tier";
    assertThat(cache.lookup(Level.RECORD, key)).isNull();
    assertThat(cache.lookup(Level.RECORD, key)).isNull();
    assertThat(cache.lookup(Level.METRIC, "Conversation ID")).isNull();
  }

  @Test
  void manyDistinctKeysStayBoundedAndStillAnswerByTheRule() {
    KeyCache cache = new KeyCache();
    for (int i = 0; i < KeyCache.LIMIT * 3; i++) {
      assertThat(cache.lookup(Level.METRIC, "extra " + i)).isNull();
    }
    assertThat(cache.remembered(Level.METRIC)).isEqualTo(KeyCache.LIMIT);
    // past every slot and the bound, known keys are still found (identity slots full, the rule answers)
    assertThat(cache.lookup(Level.METRIC, new String("Metric Weight"))).isEqualTo(WireField.METRIC_WEIGHT);
    assertThat(cache.lookup(Level.METRIC, "QUALIFICATION")).isEqualTo(WireField.QUALIFICATION);
  }
}
