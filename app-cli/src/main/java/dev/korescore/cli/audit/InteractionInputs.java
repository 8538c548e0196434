package dev.korescore.cli.audit;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.core.text.TerminalText;
import dev.korescore.cli.common.CliException;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.NoSuchElementException;

/**
 * The interactions of every input FILE of a command, one input after another, each opened when reached:
 * {@code -} is standard input, any file may be gzip. How {@code audit} and {@code whatif} read files, so
 * that both read them exactly alike (the same reader, read scope, errors and skipped-record count).
 */
public final class InteractionInputs implements Iterator<Interaction>, AutoCloseable {
  private final ReadInteractionsPort reader;
  private final Iterator<String> names;
  private final ReadOptions options;
  private InteractionStream current;
  private long skipped;
  private String firstSkipped;

  /** @param names file names, {@code -} for standard input */
  public InteractionInputs(ReadInteractionsPort reader, List<String> names, ReadOptions options) {
    this.reader = reader;
    this.names = List.copyOf(names).iterator();
    this.options = options;
  }

  /** The names a command reads: its FILE arguments, or standard input when there are none. */
  public static List<String> namesOrStdin(List<String> files) {
    return files.isEmpty() ? List.of("-") : List.copyOf(files);
  }

  /** The names as a report shows them: {@code <stdin>} for {@code -}. */
  public static List<String> shown(List<String> names) {
    return names.stream().map(name -> name.equals("-") ? "<stdin>" : name).toList();
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (current != null) {
        closeCurrent();
      }
      if (!names.hasNext()) {
        return false;
      }
      current = open(names.next());
    }
    return true;
  }

  @Override
  public Interaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more interactions");
    }
    return current.next();
  }

  /** Records skipped as bad so far (with {@code --skip-bad-records}). */
  public long skipped() {
    return skipped;
  }

  /** {@code korescore: skipped N bad records; the first: ...} on {@code err}, when any was skipped. */
  public void reportSkipped(PrintWriter err) {
    skippedNote().ifPresent(note -> err.println("korescore: " + note));
  }

  /** {@code skipped N bad records; the first: FILE:LINE:COL ...}, when any was skipped. */
  public Optional<String> skippedNote() {
    return skippedNote(skipped, firstSkipped);
  }

  /** {@code skipped N bad records; the first: ...} of one stream, when any was skipped. */
  static Optional<String> skippedNote(InteractionStream.SkippedRecords skipped) {
    return skippedNote(skipped.count(), skipped.first().isEmpty() ? null : skipped.first().get(0).getMessage());
  }

  private static Optional<String> skippedNote(long skipped, String firstSkipped) {
    if (skipped == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "skipped %,d bad record%s%s", skipped, skipped == 1 ? "" : "s",
        firstSkipped == null ? "" : "; the first: " + TerminalText.visible(firstSkipped)));
  }

  private InteractionStream open(String name) {
    if (name.equals("-")) {
      return reader.open("<stdin>", new NonClosing(System.in), options);
    }
    Path path = Path.of(name);
    try {
      return reader.open(name, Files.newInputStream(path), options);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw CliException.usage("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw CliException.usage("cannot read " + name + ": " + JacksonInteractionReaderAdapter.whyUnreadable(e));
    }
  }

  private void closeCurrent() {
    InteractionStream.SkippedRecords s = current.skipped();
    if (s.count() > 0) {
      skipped += s.count();
      if (firstSkipped == null && !s.first().isEmpty()) {
        InteractionReadException first = s.first().get(0);
        firstSkipped = first.getMessage();
      }
    }
    current.close();
    current = null;
  }

  @Override
  public void close() {
    if (current != null) {
      closeCurrent();
    }
  }

  /** Standard input that the reader may close without closing the process's stream. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
