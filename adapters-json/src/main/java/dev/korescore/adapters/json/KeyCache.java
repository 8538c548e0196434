package dev.korescore.adapters.json;

import dev.korescore.adapters.json.WireField.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A raw key to its {@link WireField} at a level, remembered: the answer of {@link WireField#lookup} (the
 * one key rule) without normalising the key again. Jackson canonicalises key strings, so a direct-mapped
 * table compared by identity answers almost every lookup with one array read; a key not found there by
 * identity goes to a bounded map of the keys seen (by equality), and past its bound to the rule itself.
 * One per reader; not thread-safe.
 */
final class KeyCache {
  /** Most distinct keys remembered per level by equality (a record with a million keys stays bounded). */
  static final int LIMIT = 2048;
  /** Identity slots per level (a power of two). */
  private static final int SLOTS = 512;
  private static final int PROBES = 8;
  private static final Object UNKNOWN = new Object();

  private final List<Map<String, Optional<WireField>>> byLevel = new ArrayList<>();
  private final String[] slotKeys = new String[Level.values().length * SLOTS];
  private final Object[] slotFields = new Object[Level.values().length * SLOTS];

  KeyCache() {
    for (int i = 0; i < Level.values().length; i++) {
      byLevel.add(new HashMap<>());
    }
  }

  /** The field {@code key} names at {@code level}, or null for a key the model does not know. */
  WireField lookup(Level level, String key) {
    int base = level.ordinal() * SLOTS;
    int slot = key.hashCode() & (SLOTS - 1);
    // Open addressing by identity: a few probes, so that two keys sharing a slot do not evict each other.
    for (int probe = 0; probe < PROBES; probe++) {
      int at = base + ((slot + probe) & (SLOTS - 1));
      String seen = slotKeys[at];
      if (seen == key) {
        Object hit = slotFields[at];
        return hit == UNKNOWN ? null : (WireField) hit;
      }
      if (seen == null) {
        WireField field = byEquality(level, key);
        slotKeys[at] = key;
        slotFields[at] = field == null ? UNKNOWN : field;
        return field;
      }
    }
    return byEquality(level, key);
  }

  /** How many keys the bounded map remembers at {@code level}: for tests of the bound. */
  int remembered(Level level) {
    return byLevel.get(level.ordinal()).size();
  }

  private WireField byEquality(Level level, String key) {
    Map<String, Optional<WireField>> cache = byLevel.get(level.ordinal());
    Optional<WireField> hit = cache.get(key);
    if (hit == null) {
      hit = Optional.ofNullable(WireField.lookup(level, key));
      if (cache.size() < LIMIT) {
        cache.put(key, hit);
      }
    }
    return hit.orElse(null);
  }
}
