package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The SHA-256 of a record's canonical JSON (object keys sorted, insignificant whitespace dropped, every
 * value as sent), in lower-case hex: equal for a reordered or re-spaced but equal record, different as
 * soon as one value changes. The JSON adapter computes it ({@code CanonicalJson}).
 */
public record ContentHash(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
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

  @Override
  public String toString() {
    return hex;
  }
}
