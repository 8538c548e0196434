package dev.korescore.cli.whatif;

import dev.korescore.core.text.TerminalText;
import dev.korescore.adapters.json.JacksonFormChangeReaderAdapter;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.cli.audit.AuditCommand;
import dev.korescore.cli.audit.AuditSource;
import dev.korescore.cli.audit.InteractionInputs;
import dev.korescore.cli.audit.OutputFormat;
import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.common.OutputTargets;
import dev.korescore.cli.store.StoredRecords;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.PolicyOptions;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.core.port.out.FormChangeReadException;
import dev.korescore.core.port.out.ReadFormChangePort;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.report.HtmlWhatIfReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.scoring.WhatIf;
import dev.korescore.scoring.WhatIfAggregator;
import dev.korescore.scoring.WhatIfSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code korescore whatif [FILE...|-|--store STORE]}: re-score history under a changed form before rolling it out. */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description = {
      "Re-scores past interactions under a changed evaluation form: each interaction's score and pass flag"
          + " recomputed from its own weights and pass score (before), and the same with the change (after).",
      "Give the change as flags or as a JSON document (--change FILE). Reads Kore Raw Data like 'korescore"
          + " audit': an API response, a JSON array or JSON Lines, plain or gzip; no FILE or '-' reads standard input;"
          + " --store re-scores the current version of every interaction in a 'korescore sync' store."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no interaction flips (pass to fail or fail to pass)",
      "1:at least one interaction flips: gate a form change on it",
      "2:usage or input error, or a metric or form the change names occurs nowhere in the data"
          + " (the message names the closest names)",
      "4:other failure (rerun with --debug for the stack trace)"
    })
public final class WhatIfCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (.gz too); '-' or none: standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--store", paramLabel = "STORE",
      description = "Re-score the current version of every interaction in a store (a DuckDB file or"
          + " jdbc:postgresql://HOST/DB, as 'korescore sync' keeps it) instead of files.")
  String store;

  @Option(names = "--since", paramLabel = "TIME",
      description = "With --store: only interactions that started at or after TIME (UTC: 2024-07-18,"
          + " '2024-07-18 10:00:00' or 2024-07-18T10:00:00Z).")
  String since;

  @Option(names = "--change", paramLabel = "FILE",
      description = "The change as JSON: {\"form\": \"Voice QA\", \"passScore\": 75, \"na\": \"award-full\","
          + " \"metrics\": {\"Policy\": {\"weight\": 40, \"negativeWeight\": 5, \"fatal\": true}, \"Greeting\":"
          + " {\"drop\": true}}}; every field optional. Not with the change's flags.")
  Path changeFile;

  @Mixin ChangeOptions change = new ChangeOptions();

  @Option(names = "--format", paramLabel = "FORMAT", converter = AuditCommand.FormatConverter.class,
      description = "text (default: a summary), jsonl or csv (one row per re-scored interaction: conversationId,"
          + " scoreBefore, passedBefore, scoreAfter, passedAfter, flip, agents, queues, form).")
  OutputFormat format = OutputFormat.TEXT;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write a self-contained HTML page: pass rates before and after per agent and queue, the"
          + " flips explained, the score shift histogram.")
  Path report;

  @Option(names = "--flips", paramLabel = "N", description = "Flips shown with their reasons (default 20).")
  int flipsShown = 20;

  @Option(names = "--current-na", paramLabel = "TREATMENT", converter = CurrentNaConverter.class,
      description = "The current policy's NA treatment (before the change): exclude (default), award-full,"
          + " count-as-fail.")
  NaTreatment currentNa = NaTreatment.EXCLUDE;

  @Option(names = "--pass-rule", paramLabel = "RULE", converter = AuditCommand.PassRuleConverter.class,
      description = "at-least (score >= pass score, default) or greater-than, before and after.")
  PassRule passRule = PassRule.AT_LEAST;

  @Option(names = "--no-fatal", description = "A failed fatal metric does not make the score 0, before and after.")
  boolean noFatal;

  @Option(names = "--no-clamp", description = "Do not clamp scores to [-100, 100].")
  boolean noClamp;

  @Option(names = "--skip-bad-records", description = "Skip and count records that cannot be read instead of stopping.")
  boolean skipBadRecords;

  private final Supplier<ReadInteractionsPort> readers;
  private final Supplier<ReadFormChangePort> changeReaders;

  /** The command wired to the JSON adapter. */
  public WhatIfCommand() {
    this(JacksonInteractionReaderAdapter::create, JacksonFormChangeReaderAdapter::create);
  }

  /** The command reading interactions and changes through the given ports (tests, other compositions). */
  public WhatIfCommand(Supplier<ReadInteractionsPort> readers, Supplier<ReadFormChangePort> changeReaders) {
    this.readers = readers;
    this.changeReaders = changeReaders;
  }

  /** The current policy ({@link PolicyOptions}). */
  ScoringPolicy policy() {
    return PolicyOptions.create().na(currentNa).passRule(passRule).noFatal(noFatal).noClamp(noClamp).policy();
  }

  FormChange formChange() {
    if (changeFile != null && change.given()) {
      throw CliException.usage("give the change as --change FILE or as flags, not both");
    }
    FormChange formChange = changeFile != null ? readChange(changeFile) : change.change();
    if (formChange.isEmpty()) {
      throw CliException.usage(changeFile != null
          ? "the change in " + changeFile + " changes nothing: give passScore, na or metrics"
          : "no change given: use --pass-score, --weight, --negative-weight, --fatal, --not-fatal, --drop, --na"
              + " or --change FILE");
    }
    return formChange;
  }

  private FormChange readChange(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return changeReaders.get().read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw CliException.usage("cannot read the change " + file + ": no such file");
    } catch (IOException e) {
      throw CliException.usage("cannot read the change " + file + ": " + e.getMessage());
    } catch (FormChangeReadException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "the change " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    if (flipsShown < 0) {
      throw CliException.usage("--flips must be >= 0, was " + flipsShown);
    }
    WhatIf whatIf = WhatIf.of(policy(), formChange());
    if (store != null && !files.isEmpty()) {
      throw CliException.usage("give input FILEs or --store, not both");
    }
    if (since != null && store == null) {
      throw CliException.usage("--since goes with --store");
    }
    List<String> inputs = store != null ? List.of() : InteractionInputs.namesOrStdin(files);
    checkOutputs(inputs);
    PrintWriter err = spec.commandLine().getErr();
    WhatIfSummary summary;
    List<String> sources;
    AuditSource source = store != null
        ? AuditSource.stored(store, StoredRecords.since(since)) : AuditSource.files(inputs);
    try (AuditSource.Input interactions = source.open(readers.get(), skipBadRecords)) {
      summary = rescore(whatIf, interactions, () -> interactions.reportSkipped(err));
      sources = interactions.shown();
    }
    if (report != null) {
      writeReport(summary, sources);
    }
    if (format != OutputFormat.TEXT || out != null) {
      err.println("korescore " + WhatIfText.oneLine(summary));
    }
    err.flush();
    return summary.flips() == 0 ? ExitCodes.OK : ExitCodes.MISMATCH;
  }

  /**
   * Re-scores {@code interactions} into the output, reports what was skipped, rejects names the data lacks
   * and prints the text summary; the output file appears only when all of that succeeded.
   */
  private WhatIfSummary rescore(WhatIf whatIf, Iterator<Interaction> interactions, Runnable reportSkipped) {
    try (Output output = Output.open(out, spec.commandLine().getOut())) {
      WhatIfSummary summary = new WhatIfRun(whatIf, format, Math.max(flipsShown, WhatIfAggregator.DEFAULT_FLIPS_KEPT))
          .run(interactions, output.writer);
      reportSkipped.run();
      unknownNames(summary);
      if (format == OutputFormat.TEXT) {
        PrintWriter printer = new PrintWriter(output.writer);
        WhatIfText.print(summary, flipsShown, printer);
        printer.flush();
      }
      output.commit();
      return summary;
    }
  }

  /**
   * No output may be an input, a directory or the other output: korescore never writes over its input
   * (the store's file included).
   */
  private void checkOutputs(List<String> inputs) {
    OutputTargets targets = OutputTargets.check().output("--out", out).output("--report", report);
    inputs.forEach(input -> targets.input(Path.of(input)));
    if (store != null && !store.startsWith("jdbc:")) {
      targets.input(Path.of(store));
    }
    targets.verify();
  }

  private void writeReport(WhatIfSummary summary, List<String> sources) {
    try {
      HtmlWhatIfReport.write(summary, ReportHeader.of(sources, Instant.now()).withTitle(HtmlWhatIfReport.TITLE),
          report);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write the report " + report + ": " + e.getMessage(), e);
    }
  }

  /** A usage error when the change names a form or metric that occurs nowhere in the data. */
  private static void unknownNames(WhatIfSummary summary) {
    summary.unknownNames().ifPresent(problem -> {
      throw CliException.usage(TerminalText.visible(problem));
    });
  }

  /**
   * Where the output goes: standard output (flushed, not closed); a device or pipe such as {@code
   * /dev/null} (written as it is); or a file written beside its target and moved over it only by {@link
   * #commit()}, so that a failed run leaves no half file and loses no earlier one.
   */
  private static final class Output implements AutoCloseable {
    final Writer writer;
    private final boolean owned;
    private final Path target;
    private final Path partial;
    private boolean committed;

    private Output(Writer writer, boolean owned, Path target, Path partial) {
      this.writer = writer;
      this.owned = owned;
      this.target = target;
      this.partial = partial;
    }

    static Output open(Path path, PrintWriter stdout) {
      if (path == null) {
        return new Output(stdout, false, null, null);
      }
      if (Files.isDirectory(path)) {
        throw CliException.usage("--out " + path + " is a directory; name a file");
      }
      Path absolute = path.toAbsolutePath();
      boolean special = Files.exists(absolute) && !Files.isRegularFile(absolute);
      Path partial = special ? null : absolute.resolveSibling("." + absolute.getFileName() + ".partial");
      try {
        Writer writer = new BufferedWriter(new OutputStreamWriter(
            Files.newOutputStream(special ? absolute : partial), StandardCharsets.UTF_8), 1 << 16);
        return new Output(writer, true, special ? null : absolute, partial);
      } catch (IOException e) {
        throw new CliException(ExitCodes.USAGE_OR_INPUT, "cannot write " + path + ": " + e.getMessage(), e);
      }
    }

    void commit() {
      try {
        if (owned) {
          writer.close();
        } else {
          writer.flush();
        }
        if (target != null) {
          Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
      } catch (IOException e) {
        throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write the output: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (committed) {
        return;
      }
      try {
        if (owned) {
          writer.close();
        } else {
          writer.flush();
        }
        if (partial != null) {
          Files.deleteIfExists(partial);
        }
      } catch (IOException e) {
        throw new CliException(ExitCodes.RUNTIME_FAILURE, "cannot write the output: " + e.getMessage(), e);
      }
    }
  }

  /** {@code --current-na}, parsed at parse time (the value is never echoed), named in its own words. */
  static final class CurrentNaConverter implements ITypeConverter<NaTreatment> {
    @Override
    public NaTreatment convert(String value) {
      return NaTreatment.parse("--current-na", value);
    }
  }
}
