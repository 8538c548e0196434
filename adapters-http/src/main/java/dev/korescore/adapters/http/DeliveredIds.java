package dev.korescore.adapters.http;

import dev.korescore.core.model.ConversationId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The conversation ids a fetch has delivered, kept only as long as a repeat can still arrive, so that a
 * fetch's memory does not grow with the conversations it has seen (a million ids held for a whole request
 * were about 150 MB of heap). A record with a start time is delivered only by the window (leaf) its start
 * lies in: the records outside are dropped before they get here, and a conversation keeps its start time, so
 * such a record can only repeat within its own leaf, and an exact set of the current leaf's ids suffices. A
 * record without a readable start time could repeat in any later window: those ids (rare) are remembered for
 * the whole request, with the leaf that delivered them. Not thread-safe.
 */
final class DeliveredIds {
  /** What an offered id was. */
  enum Seen {
    /** Not delivered before: deliver it. */
    NEW,
    /** Delivered by the current leaf already. */
    IN_THIS_LEAF,
    /** Delivered by an earlier leaf (a record without a start time). */
    IN_EARLIER_LEAF
  }

  private Set<ConversationId> leafIds = new HashSet<>();
  private final Map<ConversationId, Integer> undated = new HashMap<>();
  private int leaf;

  /** A new leaf begins: the previous leaf's dated ids cannot repeat any more and are forgotten. */
  void startLeaf(int id) {
    leaf = id;
    leafIds = new HashSet<>(); // not clear(): that keeps the last leaf's table
  }

  /** Records {@code id} as delivered by the current leaf unless it was delivered before; says which. */
  Seen offer(ConversationId id, boolean hasStartTime) {
    Integer first = hasStartTime ? undated.get(id) : null;
    if (hasStartTime) {
      if (first == null) {
        return leafIds.add(id) ? Seen.NEW : Seen.IN_THIS_LEAF;
      }
    } else {
      if (leafIds.contains(id)) {
        return Seen.IN_THIS_LEAF;
      }
      first = undated.putIfAbsent(id, leaf);
      if (first == null) {
        return Seen.NEW;
      }
    }
    return first == leaf ? Seen.IN_THIS_LEAF : Seen.IN_EARLIER_LEAF;
  }

  /** How many ids are remembered now: the current leaf's dated ones and every undated one. */
  int size() {
    return leafIds.size() + undated.size();
  }
}
