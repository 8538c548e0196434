package dev.korescore.core.port.out;

import static java.util.Objects.requireNonNull;

/**
 * How a reader reads: what it does with a bad record, and which fields it maps.
 *
 * @param skipBadRecords when true, a record that cannot be mapped is skipped and counted (see {@link
 *     InteractionStream#skipped()}); a document that is not JSON at all still fails
 * @param scope the fields mapped into the model ({@link ReadScope#EVERYTHING} unless asked otherwise);
 *     a bad value in a field outside the scope does not make the record bad
 */
public record ReadOptions(boolean skipBadRecords, ReadScope scope) {
  public ReadOptions {
    requireNonNull(scope, "scope");
  }

  /** Options that read every field. */
  public ReadOptions(boolean skipBadRecords) {
    this(skipBadRecords, ReadScope.EVERYTHING);
  }

  /** A bad record stops the reading; every field is read. */
  public static ReadOptions strict() {
    return new ReadOptions(false);
  }

  /** A bad record is skipped and counted; every field is read. */
  public static ReadOptions skippingBadRecords() {
    return new ReadOptions(true);
  }

  /** These options with {@code value} as the scope. */
  public ReadOptions withScope(ReadScope value) {
    return new ReadOptions(skipBadRecords, value);
  }
}
