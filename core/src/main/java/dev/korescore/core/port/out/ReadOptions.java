package dev.korescore.core.port.out;

/**
 * How a reader treats a bad record.
 *
 * @param skipBadRecords when true, a record that cannot be mapped is skipped and counted (see {@link
 *     InteractionStream#skipped()}); a document that is not JSON at all still fails
 */
public record ReadOptions(boolean skipBadRecords) {
  public static ReadOptions strict() {
    return new ReadOptions(false);
  }

  public static ReadOptions skippingBadRecords() {
    return new ReadOptions(true);
  }
}
