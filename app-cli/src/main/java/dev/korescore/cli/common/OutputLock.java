package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

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
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ATTEMPTS = 5;

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
    String owner = ProcessHandle.current().pid() + " " + HexFormat.of().formatHex(RANDOM.generateSeed(8)) + "\n";
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
          lock = null;
        }
        if (lock == null) {
          String pid = ownerPid(channel);
          channel.close();
          throw new CliException(ExitCodes.USAGE_OR_INPUT, output + " is being written by another korescore process"
              + " (pid " + pid + ")");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        // The previous holder deletes the file when it is done: if it did so between our open and our
        // lock, we hold a lock on a file nobody else will open. Check that the path still names ours.
        if (owner.equals(readQuietly(lockFile))) {
          return new OutputLock(output, lockFile, channel, lock);
        }
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot lock " + output + ": " + e.getMessage(), e);
    }
    throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot lock " + output + ": its lock file " + lockFile
        + " keeps changing");
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

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return "";
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
    }
  }
}
