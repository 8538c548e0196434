package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;


/**
 * The SHA-256 of a record's canonical JSON (object keys sorted, insignificant whitespace dropped, every
 * value as sent), in lower-case hex: equal for a reordered or re-spaced but equal record, different as
 * soon as one value changes. The JSON adapter computes it ({@code CanonicalJson}).
 */
public record ContentHash(String hex) {
  public ContentHash {
    requireNonNull(hex, "hex");
    if (!isHex64(hex)) {
      throw new IllegalArgumentException("content hash must be 64 lower-case hex digits, was '" + hex + "'");
    }
  }

  /** The hash written as {@code hex}: 64 lower-case hex digits. */
  public static ContentHash of(String hex) {
    return new ContentHash(hex);
  }

  /** The hash of {@code sha256}, 32 bytes. */
  public static ContentHash ofBytes(byte[] sha256) {
    requireNonNull(sha256, "sha256");
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, was " + sha256.length);
    }
    char[] digits = new char[64];
    for (int i = 0; i < 32; i++) {
      digits[2 * i] = Character.forDigit((sha256[i] >> 4) & 0xF, 16);
      digits[2 * i + 1] = Character.forDigit(sha256[i] & 0xF, 16);
    }
    return new ContentHash(new String(digits));
  }

  /** 64 lower-case hex digits (a loop, not a regular expression: every stored record is checked). */
  private static boolean isHex64(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return hex;
  }
}
