package dev.korescore.cli.audit;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.SourcePosition;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a JSON Lines input with several cores: one thread cuts the bytes into chunks of whole lines,
 * a small pool maps each chunk with the {@link ReadInteractionsPort} (the JSON adapter), and {@link
 * #next()} hands the interactions out in input order. Memory stays bounded by the chunks in flight.
 * Errors and skipped records name the line in the whole input, as a single reader would. Used only
 * when the first line of the input is a whole JSON object (JSON Lines); any other shape goes to the
 * adapter as one stream.
 */
final class ChunkedJsonLines implements InteractionStream {
  static final int CHUNK_BYTES = 1 << 18;
  private static final int IN_FLIGHT = 4;
  private static final int PEEK = 1 << 16;

  private final String name;
  private final ReadInteractionsPort reader;
  private final ReadOptions options;
  private final InputStream input;
  private final ExecutorService parsers;
  private final BlockingQueue<Future<Chunk>> chunks = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Thread splitter;
  private Iterator<Interaction> current = List.<Interaction>of().iterator();
  private boolean done;
  private long skippedCount;
  private final List<InteractionReadException> skippedFirst = new ArrayList<>();

  private record Chunk(List<Interaction> interactions, long skipped, List<InteractionReadException> first,
      boolean end) {}

  private static final Chunk END = new Chunk(List.of(), 0, List.of(), true);

  private ChunkedJsonLines(String name, InputStream input, ReadInteractionsPort reader, ReadOptions options,
      int threads) {
    this.name = name;
    this.input = input;
    this.reader = reader;
    this.options = options;
    this.parsers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "korescore-audit-parser");
      t.setDaemon(true);
      return t;
    });
    this.splitter = new Thread(this::split, "korescore-audit-splitter");
    this.splitter.setDaemon(true);
  }

  /**
   * {@code input} read in parallel when it is JSON Lines (gzip or not), else {@code reader}'s own
   * stream over it.
   */
  static InteractionStream open(String name, InputStream raw, ReadInteractionsPort reader, ReadOptions options,
      int threads) {
    if (threads < 2) {
      return reader.open(name, raw, options);
    }
    try {
      InputStream input = gunzipped(raw);
      PushbackInputStream peekable = new PushbackInputStream(input, PEEK);
      byte[] head = peekable.readNBytes(PEEK);
      peekable.unread(head);
      if (!firstLineIsAnObject(head)) {
        return reader.open(name, peekable, options);
      }
      ChunkedJsonLines stream = new ChunkedJsonLines(name, peekable, reader, options, threads);
      stream.splitter.start();
      return stream;
    } catch (IOException e) {
      throw new InteractionReadException(SourcePosition.of(name, 0, 0), Optional.empty(),
          "cannot read the input: " + e.getMessage(), e);
    }
  }

  private static InputStream gunzipped(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    byte[] magic = in.readNBytes(2);
    in.unread(magic);
    if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** Whether the first line (after a BOM and blanks) starts with '{' and ends with '}'. */
  static boolean firstLineIsAnObject(byte[] head) {
    int start = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      start = 3;
    }
    while (start < head.length && (head[start] == ' ' || head[start] == '\t')) {
      start++;
    }
    int newline = -1;
    for (int i = start; i < head.length; i++) {
      if (head[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0 || start >= head.length || head[start] != '{') {
      return false;
    }
    int end = newline - 1;
    while (end > start && (head[end] == '\r' || head[end] == ' ' || head[end] == '\t')) {
      end--;
    }
    return end > start && head[end] == '}';
  }

  private void split() {
    byte[] buffer = new byte[CHUNK_BYTES];
    int filled = 0;
    long line = 1;
    try {
      while (true) {
        int n;
        try {
          n = input.read(buffer, filled, buffer.length - filled);
        } catch (EOFException | ZipException cut) {
          cutShort(cut, buffer, filled, line);
          return;
        }
        if (n < 0) {
          if (filled > 0) {
            submit(Arrays.copyOf(buffer, filled), line);
          }
          break;
        }
        filled += n;
        int cut = -1;
        for (int i = filled - 1; i >= 0; i--) {
          if (buffer[i] == '\n') {
            cut = i + 1;
            break;
          }
        }
        if (cut < 0) {
          if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than a chunk
          }
          continue;
        }
        if (filled < buffer.length / 2 && n > 0) {
          continue; // fill the chunk before cutting
        }
        byte[] chunk = Arrays.copyOf(buffer, cut);
        submit(chunk, line);
        line += lines(chunk);
        System.arraycopy(buffer, cut, buffer, 0, filled - cut);
        filled -= cut;
      }
      chunks.put(CompletableFuture.completedFuture(END));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      CompletableFuture<Chunk> failed = new CompletableFuture<>();
      failed.completeExceptionally(e instanceof IOException io
          ? new InteractionReadException(SourcePosition.of(name, 0, 0), Optional.empty(),
              "cannot read the input: " + io.getMessage(), io)
          : e);
      try {
        chunks.put(failed);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The gzip data ended early: the whole lines read so far are still read, then the cut is a bad record
   * (skipping) or the error, naming the line after which the data stops.
   */
  private void cutShort(IOException cut, byte[] buffer, int filled, long line) throws InterruptedException {
    int whole = 0;
    for (int i = filled - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        whole = i + 1;
        break;
      }
    }
    long last = line;
    if (whole > 0) {
      byte[] chunk = Arrays.copyOf(buffer, whole);
      submit(chunk, line);
      last += lines(chunk);
    }
    InteractionReadException failure = new InteractionReadException(SourcePosition.of(name, last, 0), Optional.empty(),
        (cut instanceof EOFException ? "the gzip data is cut short" : "the gzip data is corrupt")
            + String.format(Locale.ROOT, " after line %,d", last - 1), cut);
    if (options.skipBadRecords()) {
      chunks.put(CompletableFuture.completedFuture(new Chunk(List.of(), 1, List.of(failure), false)));
      chunks.put(CompletableFuture.completedFuture(END));
    } else {
      CompletableFuture<Chunk> failed = new CompletableFuture<>();
      failed.completeExceptionally(failure);
      chunks.put(failed);
    }
  }

  private static long lines(byte[] chunk) {
    long count = 0;
    for (byte b : chunk) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  private void submit(byte[] chunk, long firstLine) throws InterruptedException {
    chunks.put(parsers.submit(() -> parse(chunk, firstLine)));
  }

  private Chunk parse(byte[] chunk, long firstLine) {
    List<Interaction> interactions = new ArrayList<>();
    try (InteractionStream stream = reader.open(name, new ByteArrayInputStream(chunk), options)) {
      while (stream.hasNext()) {
        interactions.add(stream.next());
      }
      SkippedRecords skipped = stream.skipped();
      List<InteractionReadException> first = new ArrayList<>();
      for (InteractionReadException e : skipped.first()) {
        first.add(shifted(e, firstLine));
      }
      return new Chunk(interactions, skipped.count(), first, false);
    } catch (InteractionReadException e) {
      throw shifted(e, firstLine);
    }
  }

  /** {@code e} with its line counted from the start of the whole input. */
  private InteractionReadException shifted(InteractionReadException e, long firstLine) {
    SourcePosition p = e.position();
    SourcePosition whole = p.line() == 0 ? SourcePosition.of(name, firstLine, 0)
        : SourcePosition.of(name, p.line() + firstLine - 1, p.column());
    return new InteractionReadException(whole, e.conversationId(), e.reason(), e.getCause());
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (done) {
        return false;
      }
      Chunk chunk = take();
      if (chunk.end()) {
        done = true;
        return false;
      }
      skippedCount += chunk.skipped();
      for (InteractionReadException e : chunk.first()) {
        if (skippedFirst.size() < SkippedRecords.KEPT) {
          skippedFirst.add(e);
        }
      }
      current = chunk.interactions().iterator();
    }
    return true;
  }

  private Chunk take() {
    try {
      return chunks.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + name, e);
    } catch (ExecutionException e) {
      done = true;
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("reading " + name + " failed", cause);
    }
  }

  @Override
  public Interaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more interactions in " + name);
    }
    return current.next();
  }

  @Override
  public SkippedRecords skipped() {
    return new SkippedRecords(skippedCount, skippedFirst);
  }

  @Override
  public void close() {
    done = true;
    splitter.interrupt();
    parsers.shutdownNow();
    try {
      input.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}
