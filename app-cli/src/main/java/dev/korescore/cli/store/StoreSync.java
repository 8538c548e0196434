package dev.korescore.cli.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.common.Interruption;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.store.ContentHash;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WindowWrite;
import dev.korescore.core.store.WriteInteractionStorePort;
import dev.korescore.scoring.KoreAuditor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The sync service: fetches a request's windows and commits each window to the store in one transaction
 * (its records parsed, hashed and audited, its ledger, the high-water mark), as soon as the window is
 * complete. A process killed at any moment leaves the committed windows; rerunning syncs the rest and
 * records no version twice.
 *
 * <pre>{@code
 * StoreSync sync = StoreSync.create(store, JacksonInteractionReaderAdapter.create(), KoreAuditor.defaults(), clock);
 * SyncOutcome outcome = sync.run(kore, endpoint, request, progress, w -> out.println(w.describe()));
 * }</pre>
 */
public final class StoreSync {
  /** Records scored and added to the store at a time: bounds a window's memory, whatever its size. */
  static final int CHUNK = 2000;

  private final WriteInteractionStorePort store;
  private final ScoredRecords scorer;
  private final Clock clock;
  private final Interruption interruption;

  private StoreSync(WriteInteractionStorePort store, ScoredRecords scorer, Clock clock, Interruption interruption) {
    this.store = store;
    this.scorer = scorer;
    this.clock = clock;
    this.interruption = interruption;
  }

  public static StoreSync create(
      WriteInteractionStorePort store, ReadInteractionsPort reader, KoreAuditor auditor, Clock clock) {
    return new StoreSync(requireNonNull(store, "store"), new ScoredRecords(reader, auditor), requireNonNull(clock, "clock"),
        Interruption.none());
  }

  /**
   * This sync with each window's commit made a {@link Interruption#durably durable step}: Ctrl-C or
   * SIGTERM during a commit lets it finish, then the process ends with the interruption's message.
   */
  public StoreSync interruptible(Interruption interruption) {
    return new StoreSync(store, scorer, clock, requireNonNull(interruption, "interruption"));
  }

  /**
   * Fetches {@code request} from {@code kore} and commits window after window; {@code eachWindow} hears of
   * each committed window. The high-water mark advances with complete windows until the first
   * incomplete one, so that the next sync reads that one again.
   *
   * @param source what is synced, safe to store (the endpoint, ids only)
   */
  public SyncOutcome run(FetchRawDataPort kore, String source, FetchRequest request, FetchListener progress,
      Consumer<WindowOutcome> eachWindow) {
    SyncRun run = new SyncRun(store.nextRunId(), clock.instant(), requireNonNull(source, "source"));
    List<WindowOutcome> outcomes = new ArrayList<>();
    try (StoreThread thread = new StoreThread()) {
      WindowSink[] window = {new WindowSink(run, thread)};
      FetchListener listener = new FetchListener() {
        @Override
        public void pageFetched(DateWindow w, int page, int records, long totalReported) {
          progress.pageFetched(w, page, records, totalReported);
        }

        @Override
        public void windowCompleted(WindowLedger ledger) {
          boolean advance = ledger.complete() && outcomes.stream().allMatch(o -> o.ledger().complete());
          WindowResult result;
          try (WindowSink done = window[0]) {
            result = done.commit(ledger, advance);
          }
          window[0] = new WindowSink(run, thread);
          WindowOutcome outcome = new WindowOutcome(ledger, result);
          outcomes.add(outcome);
          progress.windowCompleted(ledger);
          eachWindow.accept(outcome);
        }
      };
      try (RawRecordStream records = kore.fetch(request, listener)) {
        while (records.hasNext()) {
          window[0].add(records.next());
        }
      } finally {
        window[0].close();
      }
    }
    return new SyncOutcome(run.id(), outcomes);
  }

  /**
   * Parses, hashes and audits one window's records and commits them with the window's ledger, chunk by
   * chunk as {@link #run} does.
   */
  public WindowResult commit(SyncRun run, WindowLedger ledger, List<RawRecord> records, boolean advance) {
    requireNonNull(records, "records");
    try (StoreThread thread = new StoreThread(); WindowSink window = new WindowSink(run, thread)) {
      for (RawRecord record : records) {
        window.add(record);
      }
      return window.commit(ledger, advance);
    }
  }

  /**
   * One window on its way to the store: records are hashed {@link #CHUNK} at a time on the caller's thread,
   * those the store holds unchanged are only counted, the others are parsed and audited, and each scored
   * chunk is added to the window's transaction on the store's thread while the caller audits the next
   * chunk and hashes the one after: a chunk's look-up is queued ahead of the previous chunk's add (their
   * conversations differ: a window holds each once), so the store's thread does not wait for the auditing.
   * A window's memory is a few chunks whatever its size.
   */
  private final class WindowSink implements AutoCloseable {
    private final SyncRun run;
    private final StoreThread thread;
    private List<RawRecord> chunk = new ArrayList<>();
    private WindowWrite write;
    /** The add the store's thread works on or has queued. */
    private Future<?> adding;
    /** The last chunk scored, not yet given to the store (it goes behind the next chunk's look-up). */
    private List<ScoredRecord> pending;

    WindowSink(SyncRun run, StoreThread thread) {
      this.run = run;
      this.thread = thread;
    }

    void add(RawRecord record) {
      chunk.add(record);
      if (chunk.size() >= CHUNK) {
        flush();
      }
    }

    private void flush() {
      List<RawRecord> records = chunk;
      chunk = new ArrayList<>();
      // while the store's thread adds the chunk before the pending one
      Map<ConversationId, ContentHash> hashes = new HashMap<>(records.size() * 2);
      for (RawRecord record : records) {
        hashes.put(record.conversationId(), ScoredRecords.hash(record));
      }
      if (write == null) {
        thread.await(adding);
        adding = null;
        write = thread.call(() -> store.beginWindow(run, clock.instant()));
      }
      WindowWrite target = write;
      Future<Set<ConversationId>> lookup = thread.ask(() -> target.skipUnchanged(hashes));
      submitPending();
      Set<ConversationId> changed;
      try {
        changed = thread.await(lookup);
      } catch (RuntimeException | Error e) {
        thread.awaitQuietly(adding); // a failed look-up closed the window: the pending add fails for that
        adding = null;
        throw e;
      }
      if (changed.isEmpty()) {
        return;
      }
      List<RawRecord> toScore = new ArrayList<>(changed.size());
      for (RawRecord record : records) {
        if (changed.contains(record.conversationId())) {
          toScore.add(record);
        }
      }
      pending = scorer.score(toScore, hashes); // while the store's thread adds the pending chunk
    }

    /** Waits for the add before (a failed add closed the window: its failure is the one to report), then queues the pending one. */
    private void submitPending() {
      thread.await(adding);
      adding = null;
      if (pending != null) {
        List<ScoredRecord> scored = pending;
        pending = null;
        WindowWrite target = write;
        adding = thread.submit(() -> target.add(scored));
      }
    }

    WindowResult commit(WindowLedger ledger, boolean advance) {
      if (!chunk.isEmpty() || write == null) {
        flush();
      }
      submitPending();
      thread.await(adding);
      adding = null;
      WindowWrite target = write;
      WindowResult[] result = new WindowResult[1];
      interruption.durably(() -> result[0] = thread.call(() -> target.commit(ledger, clock.instant(), advance)));
      return result[0];
    }

    /** Rolls back a window not committed (a failure, an interruption). */
    @Override
    public void close() {
      try {
        thread.awaitQuietly(adding);
      } finally {
        if (write != null) {
          WindowWrite target = write;
          write = null;
          thread.call(() -> {
            target.close();
            return null;
          });
        }
      }
    }
  }

  /** One committed window: its fetch ledger and what it changed in the store. */
  public record WindowOutcome(WindowLedger ledger, WindowResult result) {
    public WindowOutcome {
      requireNonNull(ledger, "ledger");
      requireNonNull(result, "result");
    }

    /** {@code WINDOW total=.. received=.. complete: new 12, re-scored 3, unchanged 980}. */
    public String describe() {
      return ledger.describe() + ": " + result.describe();
    }
  }

  /** A whole run: its number and every committed window. */
  public record SyncOutcome(long runId, List<WindowOutcome> windows) {
    public SyncOutcome {
      windows = List.copyOf(windows);
    }

    public boolean complete() {
      return windows.stream().allMatch(w -> w.ledger().complete());
    }

    public long count(VersionChange change) {
      return windows.stream().mapToLong(w -> w.result().count(change)).sum();
    }

    public long changed() {
      return windows.stream().mapToLong(w -> w.result().changed()).sum();
    }

    public long unchanged() {
      return windows.stream().mapToLong(w -> w.result().unchanged()).sum();
    }
  }
}
