package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.RawDataPage;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.RequestSummary;
import dev.korescore.core.fetch.WindowLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of a {@link FetchRequest}, window after window, page after page, each conversation id
 * once. With concurrency above one, the pages of a window are fetched ahead (at most that many in
 * flight) once page 1 told how many there are; they are still consumed in order, so the output order
 * is the sequential one. Not thread-safe: one consumer.
 */
final class WindowedRecordStream implements RawRecordStream {
  private static final Logger LOG = LoggerFactory.getLogger(RetrofitRawDataAdapter.class);

  private final PageClient client;
  private final FetchRequest request;
  private final FetchListener listener;
  private final int concurrency;
  private final int maxPages;
  private final AtomicInteger budget;
  private final Deque<DateWindow> windows;
  private final DeliveredIds delivered = new DeliveredIds();
  private final List<WindowLedger> ledgers = new ArrayList<>();
  private final Deque<RawRecord> ready = new ArrayDeque<>();
  private final Map<DateWindow, Future<RawDataPage>> prefetched = new HashMap<>();
  private ExecutorService pool;
  private boolean closed;
  private int leafCounter;

  private DateWindow top;
  private final Deque<DateWindow> leaves = new ArrayDeque<>();
  private Tally topTally;
  private Leaf leaf;

  WindowedRecordStream(PageClient client, FetchRequest request, FetchListener listener, int concurrency, int maxPages, int retryBudget) {
    this.client = requireNonNull(client, "client");
    this.request = requireNonNull(request, "request");
    this.listener = requireNonNull(listener, "listener");
    this.concurrency = concurrency;
    this.maxPages = maxPages;
    this.budget = new AtomicInteger(retryBudget);
    this.windows = new ArrayDeque<>(request.windows());
  }

  /** Totals of one top-level window, summed over its leaves. */
  private static final class Tally {
    long total;
    boolean totalKnown = true;
    long received;
    long duplicates;
    long earlier;
    long outside;
    int pages;
    final List<String> notes = new ArrayList<>();
  }

  /** One window actually asked of the server (a top-level window or a half of one). */
  private final class Leaf {
    final DateWindow window;
    final int id = ++leafCounter;
    final Deque<Future<RawDataPage>> inflight = new ArrayDeque<>();
    int nextPage = 1;
    int nextToSubmit = 2;
    OptionalLong total = OptionalLong.empty();
    OptionalInt totalPages = OptionalInt.empty();
    boolean done;
    boolean beyondTotalNoted;

    Leaf(DateWindow window) {
      this.window = window;
    }

    void step() {
      int number = nextPage++;
      RawDataPage page;
      if (number == 1) {
        Future<RawDataPage> early = prefetched.remove(window);
        schedule();
        page = early == null ? fetch(number) : await(early, number);
      } else {
        page = nextFromPool(number);
      }
      if (number == 1) {
        total = page.totalResults();
        totalPages = page.totalPages();
        long reach = (long) maxPages * client.pageSize();
        if (total.isPresent() && total.getAsLong() > reach && window.bisect().isPresent()) {
          List<DateWindow> halves = window.bisect().orElseThrow();
          leaves.addFirst(halves.get(1));
          leaves.addFirst(halves.get(0));
          topTally.pages++;
          topTally.notes.add("bisected " + window + ": total " + total.getAsLong() + " > reach " + reach);
          LOG.debug("bisecting {}: total {} > {}", window, total.getAsLong(), reach);
          done = true;
          return;
        }
        if (total.isPresent()) {
          topTally.total += total.getAsLong();
        } else {
          topTally.totalKnown = false;
        }
      }
      consume(page, number);
    }

    private RawDataPage fetch(int number) {
      return client.fetch(window, number, request, budget);
    }

    private RawDataPage nextFromPool(int number) {
      if (concurrency <= 1) {
        return fetch(number);
      }
      submitOwnPages(number);
      schedule();
      if (inflight.isEmpty()) {
        nextToSubmit = number + 1;
        return fetch(number);
      }
      return await(inflight.poll(), number);
    }

    /** Submits this window's next pages, up to the known page count, while there is room. */
    void submitOwnPages(int number) {
      int limit = Math.min(maxPages, totalPages.isPresent() ? Math.max(totalPages.getAsInt(), number) : number);
      while (inflight.size() < concurrency && nextToSubmit <= limit) {
        int submitted = nextToSubmit++;
        inflight.add(pool().submit(() -> fetch(submitted)));
      }
    }

    private RawDataPage await(Future<RawDataPage> future, int number) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException.TransportFailure("interrupted", new RequestSummary("POST", client.path(), window.toString(), number), e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof FetchException fetchException) {
          throw fetchException;
        }
        if (e.getCause() instanceof Error error) {
          throw error; // out of memory on a fetch thread is the fetch's, not this page's
        }
        throw new IllegalStateException("page " + number + " of " + window + " failed: " + e.getCause(), e.getCause());
      } catch (CancellationException e) {
        throw new IllegalStateException("page " + number + " of " + window + " was cancelled", e);
      }
    }

    private void consume(RawDataPage page, int number) {
      topTally.pages++;
      int fresh = 0;
      int repeatedHere = 0;
      int outsideHere = 0;
      for (int i = 0; i < page.records().size(); i++) {
        RawRecord record = page.records().get(i);
        java.util.Optional<java.time.Instant> start = page.startTimes().get(i);
        if (start.isPresent() && (start.get().isBefore(window.start()) || !start.get().isBefore(window.end()))) {
          // Kore's end bound is inclusive: a record at the end belongs to the next window (or past --to)
          outsideHere++;
          continue;
        }
        DeliveredIds.Seen seen = delivered.offer(record.conversationId(), start.isPresent());
        if (seen == DeliveredIds.Seen.NEW) {
          ready.add(record);
          fresh++;
        } else {
          topTally.duplicates++;
          if (seen == DeliveredIds.Seen.IN_EARLIER_LEAF) {
            topTally.earlier++;
          } else {
            repeatedHere++;
          }
        }
      }
      topTally.received += fresh;
      topTally.outside += outsideHere;
      listener.pageFetched(window, number, fresh, total.orElse(-1));
      if (number > 1 && page.totalResults().isPresent() && !page.totalResults().equals(total)) {
        topTally.notes.add("page " + number + " of " + window + " reported total " + page.totalResults().getAsLong()
            + " instead of " + total.orElse(-1));
      }
      boolean more;
      if (page.records().isEmpty()) {
        if (page.hasMore().orElse(false)) {
          topTally.notes.add("page " + number + " of " + window + " is empty although hasMore is true; stopped");
        }
        more = false;
      } else if (repeatedHere > 0 && repeatedHere + outsideHere == page.records().size()) {
        topTally.notes.add("page " + number + " of " + window + " repeats records already received; stopped");
        more = false;
      } else if (page.hasMore().isPresent()) {
        more = page.hasMore().get();
      } else if (totalPages.isPresent()) {
        more = number < totalPages.getAsInt();
      } else {
        more = page.records().size() >= client.pageSize();
      }
      if (more && totalPages.isPresent() && number >= totalPages.getAsInt() && !beyondTotalNoted) {
        beyondTotalNoted = true;
        topTally.notes.add("hasMore is true beyond totalPages " + totalPages.getAsInt() + " in " + window);
      }
      if (!more && page.hasMore().isPresent() && totalPages.isPresent() && number < totalPages.getAsInt()) {
        topTally.notes.add("hasMore is false at page " + number + " of totalPages " + totalPages.getAsInt() + " in " + window);
      }
      if (more && number >= maxPages) {
        topTally.notes.add("stopped at the page guard (" + maxPages + " pages) in " + window);
        more = false;
      }
      if (!more) {
        done = true;
        cancelInflight();
      }
    }

    void cancelInflight() {
      for (Future<RawDataPage> future : inflight) {
        future.cancel(true);
      }
      inflight.clear();
    }
  }

  /**
   * Pages requested and not yet consumed. The pool's {@code concurrency} threads bound the requests in
   * flight; this bounds the pages held: the current window's own pages come first (up to {@code
   * concurrency}), the next windows' first pages fill what room is left.
   */
  private int outstanding() {
    return prefetched.size() + (leaf == null ? 0 : leaf.inflight.size());
  }

  /** With room left, fetches the first page of the next windows ahead of time. */
  private void schedule() {
    if (concurrency <= 1 || closed) {
      return;
    }
    int ahead = 0;
    for (DateWindow next : windows) {
      if (outstanding() >= concurrency || ahead++ >= concurrency - 1) {
        break;
      }
      if (!prefetched.containsKey(next)) {
        prefetched.put(next, pool().submit(() -> client.fetch(next, 1, request, budget)));
      }
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      AtomicInteger threads = new AtomicInteger();
      pool = Executors.newFixedThreadPool(concurrency, runnable -> {
        Thread thread = new Thread(runnable, "kore-fetch-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
    return pool;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty()) {
      if (closed || !advance()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records");
    }
    return ready.poll();
  }

  /** One step of work; false when everything is done. */
  private boolean advance() {
    if (leaf != null) {
      try {
        leaf.step();
      } catch (RuntimeException e) {
        leaf.cancelInflight();
        throw e;
      }
      if (leaf.done) {
        leaf = null;
      }
      return true;
    }
    if (top != null && !leaves.isEmpty()) {
      leaf = new Leaf(leaves.poll());
      delivered.startLeaf(leaf.id);
      return true;
    }
    if (top != null) {
      WindowLedger ledger = new WindowLedger(
          top,
          topTally.totalKnown ? OptionalLong.of(topTally.total) : OptionalLong.empty(),
          topTally.received,
          topTally.duplicates,
          topTally.earlier,
          topTally.pages,
          topTally.notes,
          topTally.outside);
      ledgers.add(ledger);
      top = null;
      LOG.debug("window done: {}", ledger.describe());
      listener.windowCompleted(ledger);
      return true;
    }
    if (!windows.isEmpty()) {
      top = windows.poll();
      topTally = new Tally();
      leaves.add(top);
      return true;
    }
    return false;
  }

  /** How many conversation ids the stream remembers now (bounded by one window's, see {@link DeliveredIds}). */
  int rememberedIds() {
    return delivered.size();
  }

  @Override
  public List<WindowLedger> ledgers() {
    return List.copyOf(ledgers);
  }

  @Override
  public void close() {
    closed = true;
    if (leaf != null) {
      leaf.cancelInflight();
    }
    prefetched.values().forEach(future -> future.cancel(true));
    prefetched.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
