package dev.korescore.cli.audit;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.cli.fetch.KoreOptions;
import dev.korescore.cli.store.StoredRecords;
import dev.korescore.cli.store.Trends;
import dev.korescore.report.AuditReportModel.WeekRow;
import dev.korescore.report.HtmlAuditReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.scoring.AuditAggregator;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Mixin;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.common.OutputTargets;
import dev.korescore.cli.common.ReplacingFile;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.PolicyOptions;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadInteractionsPort;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code korescore audit [FILE...|-]}: recompute every score, verify Kore's values, explain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes every interaction's score from its own metrics, checks Kore's score and pass flag, and"
          + " explains each disagreement.",
      "Reads Kore Raw Data as an API response, a JSON array or JSON Lines, plain or gzip; no FILE or '-'"
          + " reads standard input."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every auditable interaction matched",
      "1:at least one mismatch (score or pass flag) or invalid record was found",
      "2:usage or input error (the message names file:line:column and the conversation id), or authentication",
      "3:--from/--to: the server's totals and what was received disagree (the audit covers only what arrived)",
      "4:other failure (rerun with --debug for the stack trace)"
    })
public final class AuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (.gz too); '-' or none: standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "text (default: a summary), jsonl (one line per interaction) or csv.")
  OutputFormat format = OutputFormat.TEXT;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output (never over an"
      + " input; the file appears whole when the audit is done, else the previous one stays).")
  Path out;

  @Option(names = "--csv-raw", description = "csv: write text cells exactly as in the data. By default a cell that a"
      + " spreadsheet would run as a formula (starting with =, +, -, @, tab or CR; not a plain number) gets a leading '.")
  boolean csvRaw;

  @Option(names = "--only-problems", description = "jsonl/csv: only mismatching and invalid interactions.")
  boolean onlyProblems;

  @Option(names = "--na", paramLabel = "TREATMENT", converter = NaConverter.class,
      description = "How NA answers count: exclude (default), award-full, count-as-fail.")
  NaTreatment na = NaTreatment.EXCLUDE;

  @Option(names = "--pass-rule", paramLabel = "RULE", converter = PassRuleConverter.class,
      description = "at-least (score >= pass score, default) or greater-than (score > pass score).")
  PassRule passRule = PassRule.AT_LEAST;

  @Option(names = "--tolerance", paramLabel = "N",
      description = "Score points Kore may be off the recomputed score's floor or ceiling (default 0).")
  BigDecimal tolerance = BigDecimal.ZERO;

  @Option(names = "--no-fatal", description = "A failed fatal metric does not make the score 0.")
  boolean noFatal;

  @Option(names = "--no-clamp", description = "Do not clamp recomputed scores to [-100, 100].")
  boolean noClamp;

  @Option(names = "--infer-policy", description = "Also try every policy variant and report which explains most records.")
  boolean inferPolicy;

  @Option(names = "--skip-bad-records", description = "Skip and count records that cannot be read instead of stopping"
      + " (JSON Lines: a malformed line costs only itself; reading starts again at the next line).")
  boolean skipBadRecords;

  @Option(names = "--allow-empty", description = "No interactions at all is a clean audit (exit 0), not an input"
      + " error (exit 2): for pipelines where an empty day is normal.")
  boolean allowEmpty;

  @Option(names = "--problems", paramLabel = "N",
      description = "Problem interactions kept with their explanation (default 500): the --report table lists them"
          + " all, the text summary explains the first " + TextSummary.EXPLAINED + ".")
  int problemsKept = AuditAggregator.DEFAULT_PROBLEMS_KEPT;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write a self-contained HTML report (charts, sortable problem table) to FILE.")
  Path report;

  @Option(names = "--from", paramLabel = "TIME",
      description = "Fetch from the Raw Data API instead of reading files: start, UTC (2024-07-18, '2024-07-18 10:00:00'"
          + " or 2024-07-18T10:00:00Z). Takes the connection options of 'korescore fetch'.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "With --from: end, UTC, same forms.")
  String to;

  @Option(names = "--channel", paramLabel = "C", description = "With --from/--to: only this channel (repeatable).")
  List<String> channels = new ArrayList<>();

  @Option(names = "--queue", paramLabel = "Q", description = "With --from/--to: only this queue id (repeatable).")
  List<String> queues = new ArrayList<>();

  @Option(names = "--store", paramLabel = "STORE",
      description = "Audit the current version of every interaction in a store (a DuckDB file or"
          + " jdbc:postgresql://HOST/DB) instead of files; the summary and the report gain weekly trends.")
  String store;

  @Option(names = "--since", paramLabel = "TIME",
      description = "With --store: only interactions that started at or after TIME (UTC), and the store's changes"
          + " observed since then.")
  String since;

  @Mixin KoreOptions kore = new KoreOptions();

  private final Supplier<ReadInteractionsPort> readers;
  private final Map<String, String> environment;
  private final RetryPolicy retryPolicy;

  /** The command wired to the JSON adapter, the process environment and Kore's retry policy. */
  public AuditCommand() {
    this(JacksonInteractionReaderAdapter::create);
  }

  /** The command reading through {@code readers} (tests, other compositions). */
  public AuditCommand(Supplier<ReadInteractionsPort> readers) {
    this(readers, System.getenv(), RetryPolicy.defaults());
  }

  /** For tests: {@code --from/--to} settings from {@code environment}, with {@code retryPolicy}. */
  public AuditCommand(
      Supplier<ReadInteractionsPort> readers, Map<String, String> environment, RetryPolicy retryPolicy) {
    this.readers = readers;
    this.environment = Map.copyOf(environment);
    this.retryPolicy = retryPolicy;
  }

  /** The policy the options describe ({@link PolicyOptions}); a usage error names the option. */
  ScoringPolicy policy() {
    try {
      return PolicyOptions.create().na(na).passRule(passRule).tolerance(tolerance).noFatal(noFatal).noClamp(noClamp)
          .policy();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (problemsKept < 0) {
      throw CliException.usage("--problems must be >= 0, was " + problemsKept);
    }
    AuditOptions options = new AuditOptions(policy(), format, onlyProblems, inferPolicy, problemsKept, csvRaw);
    boolean fetching = from != null || to != null;
    if (store != null && (fetching || !files.isEmpty())) {
      throw CliException.usage("give input FILEs, --from/--to or --store, only one of them");
    }
    if (since != null && store == null) {
      throw CliException.usage("--since goes with --store");
    }
    AuditSource source = store == null ? source() : AuditSource.stored(store, StoredRecords.since(since));
    OutputTargets targets = OutputTargets.check().output("--out", out).output("--report", report);
    files.forEach(file -> targets.input(Path.of(file)));
    if (source instanceof AuditSource.Fetched) {
      kore.inputFiles().forEach(targets::input);
    }
    if (store != null && !store.startsWith("jdbc:")) {
      targets.input(Path.of(store));
    }
    targets.verify();
    List<WeekRow> weeks = List.of();
    PrintWriter err = spec.commandLine().getErr();
    AuditResult result;
    List<String> sources;
    List<String> incomplete;
    try (AuditSource.Input interactions = source.open(readers.get(), skipBadRecords);
        Output output = Output.open(out, spec.commandLine().getOut())) {
      sources = interactions.shown();
      if (!allowEmpty && !interactions.hasNext()) {
        throw CliException.usage("no interactions in " + String.join(", ", sources)
            + interactions.skippedNote().map(note -> " (" + note + ")").orElse("") + " (--allow-empty accepts that)");
      }
      result = AuditRun.create(options).run(interactions, output.writer);
      if (interactions instanceof AuditSource.StoredInput stored) {
        weeks = Trends.weeks(result.summary(), stored.changesByWeek());
        if (format == OutputFormat.TEXT) {
          Trends.print(weeks, output.writer instanceof PrintWriter p ? p : new PrintWriter(output.writer));
        }
      }
      output.commit();
      interactions.reportSkipped(err);
      incomplete = interactions.incompleteWindows();
      incomplete.forEach(window -> err.println("korescore: incomplete fetch: " + window));
    }
    if (report != null) {
      writeReport(result, sources, weeks);
    }
    if (format != OutputFormat.TEXT || out != null) {
      err.println("korescore " + AuditRun.oneLineSummary(result.summary()));
    }
    err.flush();
    return incomplete.isEmpty() ? result.exitCode() : ExitCodes.INCOMPLETE;
  }

  /** Files, or with {@code --from/--to} the records fetched from Kore: chosen once, read alike. */
  private AuditSource source() {
    boolean fetching = from != null || to != null;
    if (!fetching) {
      return AuditSource.files(files);
    }
    if (from == null || to == null) {
      throw CliException.usage("--from and --to go together");
    }
    if (!files.isEmpty()) {
      throw CliException.usage("give input FILEs or --from/--to, not both");
    }
    Instant start = KoreOptions.parseTime("--from", from);
    Instant end = KoreOptions.parseTime("--to", to);
    if (!start.isBefore(end)) {
      throw CliException.usage("--from must be before --to, were " + start + " and " + end);
    }
    FetchRequest request = FetchRequest.of(start, end, kore.tuning().window()).withChannels(channels).withQueues(queues);
    return AuditSource.fetched(() -> kore.openRun(environment, retryPolicy), request);
  }

  private void writeReport(AuditResult result, List<String> sources, List<WeekRow> weeks) {
    try {
      HtmlAuditReport.write(HtmlAuditReport.model(result.summary(), ReportHeader.of(sources, Instant.now()))
          .withWeeks(weeks), report);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write the report " + report + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the output goes: standard output (not closed), or a file written to a temporary sibling and
   * moved into place by {@link #commit()}; closed without a commit, the previous file stays.
   */
  private static final class Output implements AutoCloseable {
    final Writer writer;
    private final ReplacingFile file;

    private Output(Writer writer, ReplacingFile file) {
      this.writer = writer;
      this.file = file;
    }

    static Output open(Path path, PrintWriter stdout) {
      if (path == null) {
        return new Output(stdout, null);
      }
      try {
        ReplacingFile file = ReplacingFile.begin(path);
        return new Output(new BufferedWriter(new OutputStreamWriter(file.open(), StandardCharsets.UTF_8), 1 << 16), file);
      } catch (IOException e) {
        throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write " + path + ": " + e.getMessage(), e);
      }
    }

    /** Everything is written: the file replaces its target. */
    void commit() {
      try {
        writer.flush();
        if (file != null) {
          file.commit();
        }
      } catch (IOException e) {
        throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write the output: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        if (file != null) {
          file.close();
        } else {
          writer.flush();
        }
      } catch (IOException e) {
        throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write the output: " + e.getMessage(), e);
      }
    }
  }

  public static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.parse(value);
    }
  }

  /** {@code --na} (and {@code whatif}'s {@code --current-na}), parsed at parse time: the value is never echoed. */
  public static final class NaConverter implements ITypeConverter<NaTreatment> {
    @Override
    public NaTreatment convert(String value) {
      return NaTreatment.parse(value);
    }
  }

  public static final class PassRuleConverter implements ITypeConverter<PassRule> {
    @Override
    public PassRule convert(String value) {
      return PassRule.parse(value);
    }
  }
}
