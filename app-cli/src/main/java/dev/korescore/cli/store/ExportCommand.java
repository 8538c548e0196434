package dev.korescore.cli.store;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.fetch.TimeArgs;
import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.StoreTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code korescore export}: one store table to JSON Lines, CSV or Parquet. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write one table of a store to a file: JSON Lines, CSV or Parquet (through DuckDB, no Hadoop).",
      "Columns in the documented order, with a schema_version column first. The file appears only when complete."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The table was written.",
      "2:Usage error, or the store cannot be opened or is in use by a writer.",
      "4:The file could not be written."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "STORE", description = "A DuckDB file or jdbc:postgresql://HOST/DB.")
  String store;

  @Option(names = "--table", required = true, paramLabel = "TABLE",
      description = "interactions, interaction_metrics, interaction_versions, verdicts or sync_runs.")
  String table;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl, csv or parquet.")
  String format;

  @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Only rows whose interaction changed (versions: observed; sync_runs: committed) at or after TIME, UTC.")
  String since;

  @Override
  public Integer call() {
    StoreTable storeTable;
    ExportFormat exportFormat;
    try {
      storeTable = StoreTable.parse(table);
      exportFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    Optional<Instant> changedSince = since == null ? Optional.empty() : Optional.of(TimeArgs.instant("--since", since));
    Path target = out.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw CliException.usage("--out " + out + " is a directory; give a file name");
    }
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      throw CliException.usage("cannot write " + out + ": the directory " + target.getParent() + " does not exist");
    }
    if (target.equals(Path.of(store).toAbsolutePath().normalize())) {
      throw CliException.usage("--out " + out + " is the store itself; give another file");
    }
    long rows;
    String location;
    try (ReadInteractionStorePort reader = Stores.openReader(store)) {
      location = reader.location();
      rows = reader.export(storeTable, exportFormat, changedSince, target);
    } catch (java.io.UncheckedIOException e) {
      throw new CliException(ExitCodes.RUNTIME_FAILURE, e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "korescore: exported %,d rows of %s from %s to %s (%s)%n", rows, storeTable.sqlName(),
        location, out, exportFormat.name().toLowerCase(Locale.ROOT));
    err.flush();
    return ExitCodes.OK;
  }
}
