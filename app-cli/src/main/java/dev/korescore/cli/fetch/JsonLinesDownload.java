package dev.korescore.cli.fetch;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.common.Interruption;
import dev.korescore.cli.common.OutputLock;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchCheckpoint;
import dev.korescore.core.fetch.FetchCheckpointPort;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawDataWirePort;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One download into a JSON Lines file with a checkpoint, holding the output's {@link OutputLock} for
 * the whole run. After each window the output is flushed and fsynced, then the checkpoint (the finished
 * windows, their ledgers and the output's length) is replaced atomically, as one {@link
 * Interruption#durably durable step}. A resumed run truncates the output to that length, which drops a
 * partly written window, and fetches the windows not finished; records already in the file are not
 * written again. The checkpoint is kept through a {@link FetchCheckpointPort}; the ids of the records
 * already written are read with the wire format's own key rule ({@link RawDataWirePort#conversationId}).
 */
final class JsonLinesDownload {
  private final FetchRun run;
  private final FetchCheckpointPort checkpoints;
  private final RawDataWirePort wire;
  private final FetchRequest request;
  private final Path out;
  private final Path checkpoint;
  private final FetchListener listener;
  private final Interruption interruption;
  private final DownloadCount count;

  JsonLinesDownload(FetchRun run, FetchCheckpointPort checkpoints, RawDataWirePort wire, FetchRequest request,
      Path out, FetchListener listener, Interruption interruption, DownloadCount count) {
    this.run = run;
    this.checkpoints = checkpoints;
    this.wire = wire;
    this.request = request;
    this.out = out.toAbsolutePath();
    this.checkpoint = checkpointOf(this.out);
    this.listener = listener;
    this.interruption = interruption;
    this.count = count;
  }

  static Path checkpointOf(Path out) {
    return out.resolveSibling(out.getFileName() + ".checkpoint");
  }

  FetchRun.FetchOutcome run(FetchRun.OutputMode mode) throws IOException {
    if (Files.isDirectory(out)) {
      throw CliException.usage("--out " + out + " is a directory; name a file");
    }
    Files.createDirectories(out.getParent());
    OutputLock lock = OutputLock.acquire(out);
    try {
      return locked(mode);
    } finally {
      lock.close();
    }
  }

  private FetchRun.FetchOutcome locked(FetchRun.OutputMode mode) throws IOException {
    Map<DateWindow, WindowLedger> done = new LinkedHashMap<>();
    long length = 0;
    // the ids already in the file when resuming: the stream itself delivers each id once, so the ids written
    // now are not kept (a fetch's memory does not grow with the conversations it writes)
    Set<String> written = new HashSet<>();
    if (mode == FetchRun.OutputMode.RESUME && !Files.exists(checkpoint)) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "nothing to resume: there is no checkpoint " + checkpoint
          + (Files.exists(out) ? " for " + out + " (it was not written by fetch, or its checkpoint was deleted); "
              + "rerun without --resume and with --overwrite to fetch it again" : "; rerun without --resume"));
    }
    if (mode == FetchRun.OutputMode.NEW && Files.exists(out)) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, out + " already exists: add --resume to continue its download,"
          + " or --overwrite to replace it");
    }
    Optional<FetchCheckpoint> saved = mode == FetchRun.OutputMode.RESUME ? load() : Optional.empty();
    if (saved.isPresent()) {
      FetchCheckpoint state = saved.get();
      requireSameJob(state);
      for (WindowLedger ledger : state.windows()) {
        done.put(ledger.window(), ledger);
      }
      length = state.outputBytes();
      if (!Files.exists(out) || Files.size(out) < length) {
        throw new CliException(2, "cannot resume: " + out + " is shorter than its checkpoint says ("
            + length + " bytes); delete " + checkpoint + " to start again");
      }
      try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
        channel.truncate(length);
        channel.force(true);
      }
      readIds(written);
    } else {
      try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.force(true);
      }
      writeCheckpoint(done, 0);
    }
    List<DateWindow> remaining = new ArrayList<>();
    for (DateWindow window : request.windows()) {
      if (!done.containsKey(window)) {
        remaining.add(window);
      }
    }
    long skipped = request.windows().size() - remaining.size();
    count.start(request.windows().size(), (int) skipped);
    if (listener instanceof Progress progress) {
      progress.alreadyDone((int) skipped);
    }
    long recordsWritten = 0;
    try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        OutputStream output = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
      FetchListener durable = new FetchListener() {
        @Override
        public void pageFetched(DateWindow window, int page, int records, long totalReported) {
          listener.pageFetched(window, page, records, totalReported);
        }

        @Override
        public void windowCompleted(WindowLedger ledger) {
          interruption.durably(() -> {
            try {
              output.flush();
              channel.force(false);
              done.put(ledger.window(), ledger);
              writeCheckpoint(done, channel.size());
              count.windowSaved();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
          listener.windowCompleted(ledger);
        }
      };
      if (!remaining.isEmpty()) {
        try (RawRecordStream records = run.records(request.withWindows(remaining), durable)) {
          while (records.hasNext()) {
            RawRecord record = records.next();
            if (!written.contains(record.conversationId().value())) {
              output.write((record.jsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
              recordsWritten++;
              count.recordWritten();
            }
          }
        }
      }
      output.flush();
      channel.force(true);
    }
    List<WindowLedger> ledgers = new ArrayList<>();
    for (DateWindow window : request.windows()) {
      WindowLedger ledger = done.get(window);
      if (ledger != null) {
        ledgers.add(ledger);
      }
    }
    return new FetchRun.FetchOutcome(ledgers, recordsWritten, skipped, out);
  }

  /**
   * Streams the records of every window to {@code stream} (standard output: no checkpoint, no lock),
   * flushed after each window, each conversation id once.
   */
  static FetchRun.FetchOutcome toStream(FetchRun run, FetchRequest request, OutputStream stream, FetchListener listener,
      DownloadCount count) throws IOException {
    OutputStream output = new BufferedOutputStream(stream, 1 << 16);
    List<WindowLedger> ledgers = new ArrayList<>();
    count.start(request.windows().size(), 0);
    FetchListener flushing = new FetchListener() {
      @Override
      public void pageFetched(DateWindow window, int page, int records, long totalReported) {
        listener.pageFetched(window, page, records, totalReported);
      }

      @Override
      public void windowCompleted(WindowLedger ledger) {
        try {
          output.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ledgers.add(ledger);
        count.windowSaved();
        listener.windowCompleted(ledger);
      }
    };
    long recordsWritten = 0;
    try (RawRecordStream records = run.records(request, flushing)) {
      while (records.hasNext()) {
        output.write((records.next().jsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        recordsWritten++;
        count.recordWritten();
      }
    }
    output.flush();
    return new FetchRun.FetchOutcome(ledgers, recordsWritten, 0, Path.of("-"));
  }

  private void readIds(Set<String> ids) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        wire.conversationId(line).ifPresent(ids::add);
      }
    }
  }

  private Optional<FetchCheckpoint> load() {
    try {
      return checkpoints.load(checkpoint);
    } catch (IOException e) {
      throw new CliException(2, "cannot resume: " + e.getMessage() + "; delete " + checkpoint + " to start again", e);
    }
  }

  private FetchCheckpoint.Job job() {
    return new FetchCheckpoint.Job(run.endpoint(), request.windows(), request.channels(), request.queues());
  }

  private void requireSameJob(FetchCheckpoint state) {
    if (!job().equals(state.job())) {
      throw new CliException(2, "cannot resume: " + checkpoint + " belongs to a different fetch (range, window, "
          + "filters or endpoint differ); rerun with the same arguments, or without --resume to start again");
    }
  }

  private void writeCheckpoint(Map<DateWindow, WindowLedger> done, long outputBytes) throws IOException {
    checkpoints.save(checkpoint, new FetchCheckpoint(job(), outputBytes, new ArrayList<>(done.values())));
  }
}
