package dev.korescore.cli.store;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.common.Interruption;
import dev.korescore.cli.fetch.FetchCommand;
import dev.korescore.cli.fetch.FetchRun;
import dev.korescore.cli.fetch.KoreOptions;
import dev.korescore.cli.fetch.Progress;
import dev.korescore.cli.fetch.TimeArgs;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.store.SyncState;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WriteInteractionStorePort;
import dev.korescore.scoring.KoreAuditor;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code korescore sync}: keeps a store up to date with Kore, every version of every score. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fetch Kore Quality AI Raw Data into a store (a DuckDB file, or PostgreSQL) that keeps every version of every"
          + " interaction: new ones are added, re-scored or audited ones get a new version, unchanged ones stay.",
      "%nThe first run needs --from; later runs continue from the store's high-water mark, re-reading --lookback"
          + " (3 days) to catch late scores, re-scores and manual audits. Each window commits in one transaction:"
          + " after a crash or a kill, rerun the same command.",
      "%nConnection settings as 'korescore fetch': each from its flag, else the --profile file, else the environment."
          + " The client secret is never a flag value and never stored.%n"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Complete (whatever the verdicts: syncing is not auditing).",
      "2:Usage, configuration or authentication error; the store cannot be opened, is in use or is newer.",
      "3:Finished, but the server's totals and the records received disagree (that window is read again next time).",
      "4:Network or server failure after every retry (rerun: committed windows are kept).",
      "5:Out of memory (the Java heap or the store's memory limit); committed windows are kept: rerun with a shorter"
          + " --window, or a larger heap (KORESCORE_JAVA_OPTS=-Xmx1g).",
      "130:Interrupted by Ctrl-C (SIGINT); committed windows are kept: rerun the same command.",
      "143:Stopped by SIGTERM; committed windows are kept: rerun the same command."
    })
public final class SyncCommand implements Callable<Integer> {
  /** Kore's data appears about 15 minutes after a conversation ends. */
  static final Duration SETTLING = Duration.ofMinutes(15);

  @Spec CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "STORE",
      description = "A DuckDB file (created when missing), or jdbc:postgresql://HOST/DB (password in the PGPASSWORD"
          + " environment or ~/.pgpass, not in the URL).")
  String store;

  @Option(names = "--from", paramLabel = "TIME",
      description = "Start, UTC: 2024-07-18, '2024-07-18 10:00:00' or 2024-07-18T10:00:00Z (required on the first run;"
          + " later: the high-water mark minus --lookback).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End, UTC (default: now minus 15 minutes).")
  String to;

  @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "3d",
      description = "How far before the high-water mark to read again (default ${DEFAULT-VALUE}).")
  String lookback;

  @Option(names = "--channel", paramLabel = "C", description = "Only this channel (repeatable).")
  List<String> channels = new ArrayList<>();

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue id (repeatable).")
  List<String> queues = new ArrayList<>();

  @Mixin KoreOptions kore = new KoreOptions();

  private final Map<String, String> environment;
  private final RetryPolicy retryPolicy;
  private final Clock clock;

  /** The command as installed: the process environment, Kore's retry policy, the system clock. */
  public SyncCommand() {
    this(System.getenv(), RetryPolicy.defaults(), Clock.systemUTC());
  }

  /** For tests: a given environment, retry policy and clock. */
  public SyncCommand(Map<String, String> environment, RetryPolicy retryPolicy, Clock clock) {
    this.environment = Map.copyOf(environment);
    this.retryPolicy = retryPolicy;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Duration back = TimeArgs.duration("--lookback", lookback);
    if (back.isNegative()) {
      throw CliException.usage("--lookback must not be negative, was " + lookback);
    }
    Instant end = (to != null ? TimeArgs.instant("--to", to) : clock.instant().minus(SETTLING))
        .truncatedTo(ChronoUnit.SECONDS);
    try (WriteInteractionStorePort target = Stores.openWriter(store)) {
      SyncState state = target.syncState();
      Instant start;
      if (from != null) {
        start = TimeArgs.instant("--from", from);
      } else if (state.highWaterMark().isPresent()) {
        start = state.highWaterMark().get().minus(back);
      } else {
        throw CliException.usage("the store " + target.location() + " has never been synced completely: give --from");
      }
      start = start.truncatedTo(ChronoUnit.SECONDS);
      if (!start.isBefore(end)) {
        out.printf("Nothing to sync: %s is up to date (from %s, to %s).%n", target.location(), start, end);
        out.flush();
        return ExitCodes.OK;
      }
      // a failed request (FetchException) goes to ErrorHandling, which maps it and names the rerun
      try (FetchRun run = kore.openRun(environment, retryPolicy)) {
        FetchRequest request = run.request(start, end, channels, queues);
        out.printf("Syncing %s into %s, %s to %s (%d windows)%n", run.endpoint(), target.location(), start, end,
            request.windows().size());
        out.flush();
        int windows = request.windows().size();
        AtomicLong committedRecords = new AtomicLong();
        AtomicInteger committedWindows = new AtomicInteger();
        StoreSync.SyncOutcome outcome;
        try (Interruption interruption = Interruption.install(spec.commandLine().getErr(),
                () -> "interrupted after " + committedRecords.get() + " records (" + committedWindows.get() + " of "
                    + windows + " windows committed); rerun the same command to continue");
            Progress progress = Progress.forTerminal(Progress.onTerminal(), windows, "sync")) {
          StoreSync sync = StoreSync.create(target, JacksonInteractionReaderAdapter.create(),
              KoreAuditor.defaults(), clock).interruptible(interruption);
          outcome = sync.run(run.port(), run.endpoint(), request, progress, window -> {
            committedRecords.addAndGet(window.ledger().received());
            committedWindows.incrementAndGet();
            out.println("  " + window.describe());
            out.flush();
          });
        }
        printSummary(out, outcome, target);
        return outcome.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
      }
    }
  }

  private static void printSummary(PrintWriter out, StoreSync.SyncOutcome outcome, WriteInteractionStorePort target) {
    out.printf("Run %d: %d windows %s; new %d, re-scored %d, audit added %d, other changes %d, unchanged %d.%n",
        outcome.runId(), outcome.windows().size(), outcome.complete() ? "COMPLETE" : "INCOMPLETE",
        outcome.count(VersionChange.NEW), outcome.count(VersionChange.RESCORED),
        outcome.count(VersionChange.AUDIT_ADDED),
        outcome.count(VersionChange.ANSWERS_CHANGED) + outcome.count(VersionChange.OTHER), outcome.unchanged());
    target.syncState().highWaterMark().ifPresentOrElse(
        mark -> out.println("High-water mark: " + mark + " (the next sync starts from it minus --lookback)."),
        () -> out.println("No high-water mark yet: the next sync needs --from."));
    out.flush();
  }
}
