package dev.korescore.adapters.http;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.ConversationId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;

/** An in-memory fake of the port: serves {@link FakeKore.Rec}s window by window, like the client. */
final class InMemoryRawData implements FetchRawDataPort {
  private final List<FakeKore.Rec> dataset;

  InMemoryRawData(List<FakeKore.Rec> dataset) {
    this.dataset = List.copyOf(dataset);
  }

  @Override
  public RawRecordStream fetch(FetchRequest request, FetchListener listener) {
    Deque<DateWindow> windows = new ArrayDeque<>(request.windows());
    Set<ConversationId> seen = new HashSet<>();
    List<WindowLedger> ledgers = new ArrayList<>();
    return new RawRecordStream() {
      private final Deque<RawRecord> ready = new ArrayDeque<>();
      private DateWindow pending;
      private long total;
      private long received;
      private long earlier;
      private long outside;

      @Override
      public boolean hasNext() {
        while (ready.isEmpty()) {
          if (pending != null) {
            WindowLedger ledger = new WindowLedger(pending, OptionalLong.of(total), received, earlier, earlier, 1, List.of(), outside);
            ledgers.add(ledger);
            pending = null;
            listener.windowCompleted(ledger);
          }
          if (windows.isEmpty()) {
            return false;
          }
          pending = windows.poll();
          total = 0;
          received = 0;
          earlier = 0;
          outside = 0;
          for (FakeKore.Rec rec : dataset) {
            if (!rec.start().isBefore(pending.start()) && !rec.start().isAfter(pending.end())) {
              total++;
              if (!rec.start().isBefore(pending.end())) {
                outside++;
              } else if (seen.add(ConversationId.of(rec.id()))) {
                received++;
                ready.add(RawRecord.of(rec.id(), rec.json()));
              } else {
                earlier++;
              }
            }
          }
          listener.pageFetched(pending, 1, (int) received, total);
        }
        return true;
      }

      @Override
      public RawRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      @Override
      public List<WindowLedger> ledgers() {
        return List.copyOf(ledgers);
      }

      @Override
      public void close() {
        windows.clear();
      }
    };
  }
}
