package dev.korescore.scoring;

import java.util.Arrays;

/**
 * The conversation ids seen so far, as 64-bit hashes in an open-addressing table: 8 to 16 bytes an id
 * rather than a string's 60 or more, so a million ids cost about 16 MB. Two different ids share a hash
 * with a chance of about n^2 / 2^65 (3 in 10^8 for a million ids): then the second would be counted as a
 * repeat. Not thread-safe.
 */
final class IdSet implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final long EMPTY = 0;
  private long[] table = new long[1 << 10];
  private int size;
  /** Whether the hash 0 (the table's empty marker) was added. */
  private boolean hasZero;

  /** Adds {@code hash}; true when it was not there before. */
  boolean add(long hash) {
    if (hash == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 4L >= table.length * 3L) {
      grow();
    }
    if (insert(table, hash)) {
      size++;
      return true;
    }
    return false;
  }

  boolean contains(long hash) {
    if (hash == EMPTY) {
      return hasZero;
    }
    int mask = table.length - 1;
    for (int i = (int) mix(hash) & mask; ; i = (i + 1) & mask) {
      long at = table[i];
      if (at == EMPTY) {
        return false;
      }
      if (at == hash) {
        return true;
      }
    }
  }

  /** Every hash in this set, for merging. */
  long[] hashes() {
    long[] out = new long[size + (hasZero ? 1 : 0)];
    int n = 0;
    for (long h : table) {
      if (h != EMPTY) {
        out[n++] = h;
      }
    }
    if (hasZero) {
      out[n] = EMPTY;
    }
    return out;
  }

  private static boolean insert(long[] into, long hash) {
    int mask = into.length - 1;
    for (int i = (int) mix(hash) & mask; ; i = (i + 1) & mask) {
      long at = into[i];
      if (at == EMPTY) {
        into[i] = hash;
        return true;
      }
      if (at == hash) {
        return false;
      }
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    Arrays.fill(table, EMPTY);
    for (long h : old) {
      if (h != EMPTY) {
        insert(table, h);
      }
    }
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** A 64-bit hash of {@code text} (FNV-1a over its chars, then mixed). */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 32;
    return h;
  }
}
