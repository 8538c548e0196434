package dev.korescore.scoring;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The names most like a mistyped one: by edit distance, ignoring case, nearest first. */
final class ClosestNames {
  private ClosestNames() {}

  /** Up to {@code limit} of {@code candidates} closest to {@code name}. */
  static List<String> of(String name, Collection<String> candidates, int limit) {
    String wanted = name.toLowerCase(Locale.ROOT);
    record Scored(String name, int distance) {}
    return candidates.stream()
        .map(c -> new Scored(c, distance(wanted, c.toLowerCase(Locale.ROOT))))
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(limit)
        .map(Scored::name)
        .toList();
  }

  /** Levenshtein distance, with a containing name counted as one edit away. */
  static int distance(String a, String b) {
    if (!a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a))) {
      return a.equals(b) ? 0 : 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
