package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.DateWindow;
import java.util.EnumMap;
import java.util.Map;

/**
 * What committing one window changed in the store.
 *
 * @param window the window
 * @param changes records that became a new version, by what changed (every kind present, 0 when none)
 * @param unchanged records whose content hash equals the current version's
 */
public record WindowResult(DateWindow window, Map<VersionChange, Long> changes, long unchanged) {
  public WindowResult {
    requireNonNull(window, "window");
    EnumMap<VersionChange, Long> all = new EnumMap<>(VersionChange.class);
    for (VersionChange change : VersionChange.values()) {
      long n = changes.getOrDefault(change, 0L);
      if (n < 0) {
        throw new IllegalArgumentException(change + " must be >= 0, was " + n);
      }
      all.put(change, n);
    }
    changes = Map.copyOf(all);
    if (unchanged < 0) {
      throw new IllegalArgumentException("unchanged must be >= 0, was " + unchanged);
    }
  }

  /** Records that became a new version for {@code change}. */
  public long count(VersionChange change) {
    return changes.get(change);
  }

  /** Records that were already stored and changed. */
  public long changed() {
    return changes.values().stream().mapToLong(Long::longValue).sum() - count(VersionChange.NEW);
  }

  /** {@code new 12, re-scored 3, audit added 1, unchanged 980}: the non-zero kinds and the unchanged. */
  public String describe() {
    StringBuilder line = new StringBuilder("new ").append(count(VersionChange.NEW));
    for (VersionChange change : VersionChange.values()) {
      if (change != VersionChange.NEW && (count(change) > 0 || change == VersionChange.RESCORED)) {
        line.append(", ").append(change.words()).append(' ').append(count(change));
      }
    }
    return line.append(", unchanged ").append(unchanged).toString();
  }
}
