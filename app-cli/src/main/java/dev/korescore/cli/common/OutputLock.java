package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive claim on an output for the whole run of a command that writes it: a lock file beside the
 * output ({@code FILE.lock}) held with {@link FileChannel#tryLock()}, holding the owner's process id. A
 * second writer, in this process or another, fails at once with exit 2: "FILE is being written by another
 * korescore process (pid N)". The operating system drops the lock when the process dies, however it dies,
 * so a stale lock file never blocks anyone; {@link #close()} deletes it.
 *
 * <pre>{@code
 * try (OutputLock lock = OutputLock.acquire(out)) {
 *   ... write out, its checkpoint, its store ...
 * }
 * }</pre>
 */
public final class OutputLock implements AutoCloseable {
  private static final int ATTEMPTS = 5;
  /** Lock files held by this JVM (see {@link #acquire}): the one shared state, a concurrent set. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path output;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private OutputLock(Path output, Path lockFile, FileChannel channel, FileLock lock) {
    this.output = output;
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code output}: {@code output + ".lock"} beside it. */
  public static Path lockFileOf(Path output) {
    Path absolute = output.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /**
   * Claims {@code output} (which need not exist yet; its directory must).
   *
   * @throws CliException exit 2 when another process (or another writer in this one) holds it
   */
  public static OutputLock acquire(Path output) {
    requireNonNull(output, "output");
    Path lockFile = lockFileOf(output);
    // POSIX drops a process's lock when it closes any descriptor of the file, so this process never
    // opens a lock file it holds: writers in this JVM are turned away here, before any open.
    if (!HELD.add(lockFile)) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, output + " is being written by another korescore process"
          + " (pid " + ProcessHandle.current().pid() + ")");
    }
    boolean acquired = false;
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        Object opened = fileKey(lockFile);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          String pid = ownerPid(channel);
          channel.close();
          throw new CliException(ExitCodes.USAGE_OR_INPUT, output + " is being written by another korescore process"
              + " (pid " + pid + ")");
        }
        // The previous holder deletes the file when it is done: if it did so between our open and our
        // lock, we hold a lock on a file nobody else will open. The path must still name what we opened.
        Object locked = fileKey(lockFile);
        if (opened != null && opened.equals(locked)) {
          channel.truncate(0);
          channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
          channel.force(false);
          acquired = true;
          return new OutputLock(output, lockFile, channel, lock);
        }
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot lock " + output + ": " + e.getMessage(), e);
    } finally {
      if (!acquired) {
        HELD.remove(lockFile);
      }
    }
    throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot lock " + output + ": its lock file " + lockFile
        + " keeps changing");
  }

  /** The file's identity (device and inode), without opening it; null when it is gone. */
  private static Object fileKey(Path file) {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return key == null ? file : key;
    } catch (IOException e) {
      return null;
    }
  }

  public Path output() {
    return output;
  }

  private static String ownerPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
      int space = text.indexOf(' ');
      String pid = space < 0 ? text : text.substring(0, space);
      return pid.chars().allMatch(Character::isDigit) && !pid.isEmpty() ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Deletes the lock file and releases the lock; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(lockFile);
    } catch (IOException e) {
      // left behind: harmless, the next writer locks it again
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process's exit releases it
    } finally {
      HELD.remove(lockFile);
    }
  }
}
