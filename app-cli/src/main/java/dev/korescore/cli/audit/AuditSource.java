package dev.korescore.cli.audit;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.fetch.FetchRun;
import dev.korescore.cli.fetch.FetchedInteractions;
import dev.korescore.cli.store.StoredRecords;
import dev.korescore.cli.store.Stores;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.WeeklyChanges;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the interactions of an audit come from: input files (or standard input), records fetched from
 * Kore's Raw Data API, or the current versions in a sync store. The one way into an audit for {@code
 * audit}, {@code audit --from/--to}, {@code audit --store}, {@code demo} and {@code whatif}: every source
 * reads with {@link #readOptions(boolean)}, the same reader maps every record (a fetched or stored record
 * exactly as the line of a file holding it), so the same records give the same rows, errors and exit
 * code whichever way they come.
 */
public sealed interface AuditSource permits AuditSource.Files, AuditSource.Fetched, AuditSource.Stored {

  /**
   * The read options of every audit, chosen here once: {@link ReadScope#AUDIT} (a bad value in a field
   * the audit does not use does not make the record bad), strict or skipping bad records.
   */
  static ReadOptions readOptions(boolean skipBadRecords) {
    return (skipBadRecords ? ReadOptions.skippingBadRecords() : ReadOptions.strict()).withScope(ReadScope.AUDIT);
  }

  /** Input files, {@code -} for standard input; none: standard input. */
  static AuditSource files(List<String> names) {
    return new Files(InteractionInputs.namesOrStdin(names));
  }

  /** The records of {@code request}, fetched by a run that {@code runs} opens (and the input closes). */
  static AuditSource fetched(Supplier<FetchRun> runs, FetchRequest request) {
    return new Fetched(runs, request);
  }

  /**
   * The current version of every interaction in the sync store {@code store} (a DuckDB file or a {@code
   * jdbc:postgresql:} URL) that started at or after {@code since} (every one when empty).
   */
  static AuditSource stored(String store, Optional<Instant> since) {
    return new Stored(store, since);
  }

  /** Opens the source for one pass, reading every record through {@code reader}. */
  Input open(ReadInteractionsPort reader, boolean skipBadRecords);

  /** Input files or standard input. */
  record Files(List<String> names) implements AuditSource {
    public Files {
      names = List.copyOf(names);
    }

    @Override
    public Input open(ReadInteractionsPort reader, boolean skipBadRecords) {
      InteractionInputs inputs = new InteractionInputs(reader, names, readOptions(skipBadRecords));
      return new SourceInput(inputs, InteractionInputs.shown(names), inputs::skippedNote) {
        @Override
        public void close() {
          inputs.close();
        }
      };
    }
  }

  /** Records fetched from Kore's Raw Data API. */
  record Fetched(Supplier<FetchRun> runs, FetchRequest request) implements AuditSource {
    public Fetched {
      requireNonNull(runs, "runs");
      requireNonNull(request, "request");
    }

    @Override
    public Input open(ReadInteractionsPort reader, boolean skipBadRecords) {
      FetchRun run = runs.get();
      FetchedInteractions interactions;
      try {
        interactions = run.interactions(request, reader, readOptions(skipBadRecords));
      } catch (RuntimeException e) {
        run.close();
        throw e;
      }
      List<dev.korescore.core.fetch.DateWindow> windows = request.windows();
      String shown = run.endpoint() + " " + windows.get(0).start() + " to " + windows.get(windows.size() - 1).end();
      return new SourceInput(interactions, List.of(shown),
          () -> InteractionInputs.skippedNote(interactions.skipped())) {
        @Override
        public List<String> incompleteWindows() {
          return interactions.ledgers().stream().filter(ledger -> !ledger.complete())
              .map(WindowLedger::describe).toList();
        }

        @Override
        public void close() {
          try {
            interactions.close();
          } finally {
            run.close();
          }
        }
      };
    }
  }

  /** The current versions in a sync store, read as the JSON Lines of an export of it. */
  record Stored(String store, Optional<Instant> since) implements AuditSource {
    public Stored {
      requireNonNull(store, "store");
      requireNonNull(since, "since");
    }

    @Override
    public StoredInput open(ReadInteractionsPort reader, boolean skipBadRecords) {
      ReadInteractionStorePort opened = Stores.openReader(store);
      InteractionStream interactions;
      try {
        interactions = StoredRecords.read(opened, since, reader, readOptions(skipBadRecords));
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
      String shown = StoredRecords.shown(opened, since);
      class Opened extends SourceInput implements StoredInput {
        Opened() {
          super(interactions, List.of(shown), () -> InteractionInputs.skippedNote(interactions.skipped()));
        }

        @Override
        public List<WeeklyChanges> changesByWeek() {
          return opened.changesByWeek(since);
        }

        @Override
        public void close() {
          try (opened) {
            interactions.close();
          }
        }
      }
      return new Opened();
    }
  }

  /** An open store: its interactions, and what the store knows of their changes, week by week. */
  interface StoredInput extends Input {
    /** The store's changes by week of observation (since the source's {@code since}, when given). */
    List<WeeklyChanges> changesByWeek();
  }

  /** An open source: its interactions, lazily, and what the command reports about it afterwards. */
  interface Input extends Iterator<Interaction>, AutoCloseable {
    /** The source as a report's header and messages show it: file names, or the endpoint and window. */
    List<String> shown();

    /** {@code skipped N bad records; the first: ...}, when any was skipped so far. */
    Optional<String> skippedNote();

    /** {@code korescore: skipped ...} on {@code err}, when any was skipped. */
    default void reportSkipped(PrintWriter err) {
      skippedNote().ifPresent(note -> err.println("korescore: " + note));
    }

    /** What each incomplete fetch window lacks (empty for files, and for a complete fetch). */
    List<String> incompleteWindows();

    @Override
    void close();
  }
}
