package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

/**
 * A store could not be used. Messages name the store (a path, or a JDBC URL without its password) and
 * say what to do, in the user's words; they never carry a password. When a write fails, the
 * transaction is rolled back: the store is as it was before.
 */
public abstract sealed class StoreException extends RuntimeException
    permits StoreException.Unavailable, StoreException.InUse, StoreException.Incompatible, StoreException.Failed,
        StoreException.OutOfMemory {
  private static final long serialVersionUID = 1L;

  private final String store;

  StoreException(String store, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.store = requireNonNull(store, "store");
  }

  /** The store, safe to print. */
  public String store() {
    return store;
  }

  /** The store cannot be opened: missing, not a database of this kind, no permission, unreachable. */
  public static final class Unavailable extends StoreException {
    private static final long serialVersionUID = 1L;

    /** The store {@code store} (safe to print) cannot be opened, as {@code message} says. */
    public Unavailable(String store, String message, Throwable cause) {
      super(store, message, cause);
    }
  }

  /** Another process is writing to the store (one writer per store). */
  public static final class InUse extends StoreException {
    private static final long serialVersionUID = 1L;

    /** Another process writes to {@code store}, as {@code message} says. */
    public InUse(String store, String message, Throwable cause) {
      super(store, message, cause);
    }
  }

  /** The store's schema is not one this korescore can use (written by a newer one, or needs an upgrade). */
  public static final class Incompatible extends StoreException {
    private static final long serialVersionUID = 1L;

    /** {@code store}'s schema cannot be used by this build, as {@code message} says. */
    public Incompatible(String store, String message) {
      super(store, message, null);
    }
  }

  /** A read or write failed (a full disk, a lost connection); a failed write left the store unchanged. */
  public static final class Failed extends StoreException {
    private static final long serialVersionUID = 1L;

    /** A read or write of {@code store} failed, as {@code message} says. */
    public Failed(String store, String message, Throwable cause) {
      super(store, message, cause);
    }
  }

  /**
   * The database ran out of the memory it may use (its own cap, or the machine's) during a read or write;
   * a failed write left the store unchanged. Less data at a time (a shorter sync window) or a larger cap
   * helps; rerunning alone may not.
   */
  public static final class OutOfMemory extends StoreException {
    private static final long serialVersionUID = 1L;

    /** A read or write of {@code store} ran out of memory, as {@code message} says. */
    public OutOfMemory(String store, String message, Throwable cause) {
      super(store, message, cause);
    }
  }
}
