package dev.korescore.core.fetch;

/**
 * A Raw Data response body that is not a page: {@link Truncated} (it ends too early, worth retrying)
 * or {@link Malformed} (not the envelope, or a record without a conversation id: not worth retrying).
 * The message names the page and, where known, the record's place in it.
 */
public abstract sealed class PageDecodeException extends Exception
    permits PageDecodeException.Truncated, PageDecodeException.Malformed {
  private static final long serialVersionUID = 1L;

  private PageDecodeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The body ends too early. */
  public static final class Truncated extends PageDecodeException {
    private static final long serialVersionUID = 1L;

    /** A body that ends too early; {@code message} names the page. */
    public Truncated(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The body is not the envelope, or a record in it is not one. */
  public static final class Malformed extends PageDecodeException {
    private static final long serialVersionUID = 1L;

    /** A body that is not a page; {@code message} names the page and the record. */
    public Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
