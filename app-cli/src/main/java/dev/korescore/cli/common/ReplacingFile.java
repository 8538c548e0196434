package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A file written whole or not at all: the content goes to a temporary sibling ({@code .NAME.RANDOM.tmp},
 * created like any file so the umask applies), which {@link #commit()} fsyncs and moves over the target
 * in one step. Until then the target keeps its previous content; {@link #close()} without a commit
 * (a failure, an interruption) deletes the temporary file. A target that exists and is no regular file
 * (a device such as {@code /dev/null}, a named pipe) is written as it is and never replaced: moving a file
 * over {@code /dev/null} as root would break it for every process on the machine.
 *
 * <pre>{@code
 * try (ReplacingFile file = ReplacingFile.begin(target);
 *      Writer writer = new OutputStreamWriter(file.open(), UTF_8)) {
 *   ... write ...
 *   writer.flush();
 *   file.commit();
 * }
 * }</pre>
 */
public final class ReplacingFile implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path temp;
  private final boolean direct;
  private OutputStream stream;
  private boolean committed;

  private ReplacingFile(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
    this.direct = target.equals(temp);
  }

  /** Starts replacing {@code target}; creates its directory if needed. */
  public static ReplacingFile begin(Path target) throws IOException {
    Path absolute = requireNonNull(target, "target").toAbsolutePath();
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      return new ReplacingFile(absolute, absolute);
    }
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path temp = absolute.resolveSibling(
        "." + absolute.getFileName() + "." + HexFormat.of().formatHex(RANDOM.generateSeed(4)) + ".tmp");
    return new ReplacingFile(absolute, temp);
  }

  /** The temporary file, for a writer that takes a path; {@link #commit()} moves it (a device: the device). */
  public Path temp() {
    return temp;
  }

  public Path target() {
    return target;
  }

  /** Opens the temporary file for writing (once); the caller closes or flushes it before committing. */
  public OutputStream open() throws IOException {
    if (stream != null) {
      throw new IllegalStateException("already open: " + temp);
    }
    stream = direct
        ? Files.newOutputStream(target, StandardOpenOption.WRITE)
        : Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return stream;
  }

  /** Makes the written content durable and moves it over the target. */
  public void commit() throws IOException {
    if (committed) {
      return;
    }
    if (stream != null) {
      stream.close();
    }
    if (direct) {
      committed = true;
      return;
    }
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit: deletes the temporary file, leaving the target as it was. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      if (stream != null) {
        stream.close();
      }
    } finally {
      if (!direct) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
