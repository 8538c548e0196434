package dev.korescore.cli.fetch;

import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.WindowLedger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code korescore fetch}: downloads Raw Data for a date range into JSON Lines, resumably. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Download Kore Quality AI Raw Data for a date range into a JSON Lines file, each record exactly as received.",
      "%nSettings: each from its flag, else the --profile file, else the environment (KORE_HOST, KORE_API, "
          + "KORE_ACCOUNT_ID, KORE_STREAM_ID, KORE_ORG_ID, KORE_IID, KORE_CLIENT_ID, KORE_CLIENT_SECRET, KORE_TOKEN). "
          + "The client secret is never a flag value.",
      "%nA checkpoint FILE.checkpoint records the finished windows: --resume continues after a crash, a kill or "
          + "Ctrl-C without losing or duplicating a record.%n"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Complete: every window's records match the server's totals.",
      "2:Usage, configuration or authentication error.",
      "3:Finished, but the server's totals and the records received disagree (see the summary).",
      "4:Network or server failure after every retry (rerun with --resume)."
    })
public final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, UTC: 2024-07-18, '2024-07-18 10:00:00' or 2024-07-18T10:00:00Z.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TIME", description = "End, UTC, same forms.")
  String to;

  @Option(names = "--channel", paramLabel = "C", description = "Only this channel (repeatable).")
  List<String> channels = new ArrayList<>();

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue id (repeatable).")
  List<String> queues = new ArrayList<>();

  @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "Output JSON Lines file.")
  Path out;

  @Option(names = "--resume", description = "Continue the download recorded in FILE.checkpoint.")
  boolean resume;

  @Mixin KoreOptions kore = new KoreOptions();

  private final Map<String, String> environment;
  private final RetryPolicy retryPolicy;

  /** The command as installed: the process environment, Kore's retry policy. */
  public FetchCommand() {
    this(System.getenv(), RetryPolicy.defaults());
  }

  /** For tests: a given environment and retry policy. */
  public FetchCommand(Map<String, String> environment, RetryPolicy retryPolicy) {
    this.environment = Map.copyOf(environment);
    this.retryPolicy = retryPolicy;
  }

  @Override
  public Integer call() {
    PrintWriter outWriter = spec.commandLine().getOut();
    Instant start = TimeArgs.instant("--from", from);
    Instant end = TimeArgs.instant("--to", to);
    if (!start.isBefore(end)) {
      throw CliException.usage("--from must be before --to, were " + start + " and " + end);
    }
    try (FetchRun run = kore.openRun(environment, retryPolicy)) {
      FetchRequest request = run.request(start, end, channels, queues);
      FetchRun.FetchOutcome outcome;
      try (Progress progress = Progress.forTerminal(Progress.onTerminal(), request.windows().size())) {
        outcome = run.toFile(request, out, resume, progress);
      }
      printSummary(outWriter, run, outcome);
      return outcome.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    } catch (FetchException e) {
      throw translate(e);
    }
  }

  /** Maps a failed request to the documented exit codes. */
  public static CliException translate(FetchException e) {
    return translate(e, " (rerun with --resume to continue)");
  }

  /** Maps a failed request to the documented exit codes; {@code hint} follows a network or server failure. */
  public static CliException translate(FetchException e, String hint) {
    if (e instanceof FetchException.AuthenticationFailed) {
      return new CliException(ExitCodes.USAGE_OR_INPUT, e.getMessage() + "; check the client id and secret", e);
    }
    if (e instanceof FetchException.ClientError) {
      return new CliException(ExitCodes.USAGE_OR_INPUT, e.getMessage(), e);
    }
    return new CliException(ExitCodes.RUNTIME_FAILURE, e.getMessage() + hint, e);
  }

  private static void printSummary(PrintWriter out, FetchRun run, FetchRun.FetchOutcome outcome) {
    List<WindowLedger> ledgers = outcome.ledgers();
    long total = 0;
    boolean totalKnown = true;
    long received = 0;
    long duplicates = 0;
    long pages = 0;
    for (WindowLedger ledger : ledgers) {
      if (ledger.totalReported().isPresent()) {
        total += ledger.totalReported().getAsLong();
      } else {
        totalKnown = false;
      }
      received += ledger.received() + ledger.seenInEarlierWindows();
      duplicates += ledger.duplicatesDropped();
      pages += ledger.pages();
    }
    out.printf("Fetched %s into %s%n", run.endpoint(), outcome.output());
    out.printf("windows %d (%d from an earlier run), pages %d, records written now %d%n",
        ledgers.size(), outcome.windowsSkipped(), pages, outcome.recordsWritten());
    out.printf("server total %s, received %d, duplicates dropped %d: %s%n",
        totalKnown ? Long.toString(total) : "?", received, duplicates, outcome.complete() ? "COMPLETE" : "INCOMPLETE");
    for (WindowLedger ledger : ledgers) {
      if (!ledger.complete() || !ledger.notes().isEmpty() || ledgers.size() <= 10) {
        out.println("  " + ledger.describe());
      }
    }
    out.flush();
  }
}
