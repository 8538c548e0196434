package dev.korescore.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.http.DeliveredIds.Seen;
import dev.korescore.core.model.ConversationId;
import org.junit.jupiter.api.Test;

class DeliveredIdsTest {
  private static ConversationId id(String value) {
    return ConversationId.of(value);
  }

  @Test
  void aDatedIdRepeatsOnlyWithinItsLeafAndIsForgottenAfterIt() {
    DeliveredIds ids = new DeliveredIds();
    ids.startLeaf(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(ids.offer(id("a-" + i), true)).isEqualTo(Seen.NEW);
    }
    assertThat(ids.offer(id("a-7"), true)).isEqualTo(Seen.IN_THIS_LEAF);
    assertThat(ids.size()).isEqualTo(1000);
    ids.startLeaf(2);
    assertThat(ids.size()).isZero();
    assertThat(ids.offer(id("b-1"), true)).isEqualTo(Seen.NEW);
    assertThat(ids.size()).isEqualTo(1);
  }

  @Test
  void anUndatedIdIsRememberedForTheWholeRequestWithItsLeaf() {
    DeliveredIds ids = new DeliveredIds();
    ids.startLeaf(1);
    assertThat(ids.offer(id("u"), false)).isEqualTo(Seen.NEW);
    assertThat(ids.offer(id("u"), false)).isEqualTo(Seen.IN_THIS_LEAF);
    ids.startLeaf(2);
    assertThat(ids.offer(id("u"), false)).isEqualTo(Seen.IN_EARLIER_LEAF);
    // the same conversation with a readable start time in a later leaf is not delivered twice either
    assertThat(ids.offer(id("u"), true)).isEqualTo(Seen.IN_EARLIER_LEAF);
    assertThat(ids.size()).isEqualTo(1);
  }

  @Test
  void anUndatedRepeatOfADatedIdOfThisLeafIsARepeatHere() {
    DeliveredIds ids = new DeliveredIds();
    ids.startLeaf(3);
    assertThat(ids.offer(id("d"), true)).isEqualTo(Seen.NEW);
    assertThat(ids.offer(id("d"), false)).isEqualTo(Seen.IN_THIS_LEAF);
    assertThat(ids.size()).isEqualTo(1);
  }
}
