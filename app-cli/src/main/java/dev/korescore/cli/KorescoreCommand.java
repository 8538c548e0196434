package dev.korescore.cli;

import dev.korescore.cli.audit.AuditCommand;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.cli.demo.DemoCommand;
import dev.korescore.cli.fetch.FetchCommand;
import dev.korescore.cli.store.ExportCommand;
import dev.korescore.cli.store.HistoryCommand;
import dev.korescore.cli.store.SyncCommand;
import dev.korescore.cli.testkit.GenerateCommand;
import dev.korescore.cli.testkit.SimulateCommand;
import dev.korescore.cli.whatif.WhatIfCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands. */
@Command(
    name = "korescore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Audit, fetch and simulate Kore.ai Quality AI (Auto QA) Raw Data.",
      "Recomputes every evaluation score from its metrics and says where Kore disagrees, and why."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {},
    subcommands = {CommandLine.HelpCommand.class})
public final class KorescoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DebugOption debugOption = new DebugOption();

  /** The subcommands besides {@code help}, in the order the usage lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> map = new LinkedHashMap<>();
    map.put("audit", AuditCommand::new);
    map.put("whatif", WhatIfCommand::new);
    map.put("fetch", FetchCommand::new);
    map.put("sync", SyncCommand::new);
    map.put("history", HistoryCommand::new);
    map.put("export", ExportCommand::new);
    map.put("generate", GenerateCommand::new);
    map.put("simulate", SimulateCommand::new);
    map.put("demo", DemoCommand::new);
    return Collections.unmodifiableMap(map);
  }

  /** A command line with every subcommand, the exit-code list and the error handlers. */
  public static CommandLine newCommandLine() {
    return newCommandLine(SUBCOMMANDS.keySet());
  }

  /**
   * The command line {@link Main} runs {@code args} with: when they name a subcommand, preceded by
   * nothing but {@code --debug}, only that subcommand is built (picocli reflects over every command it
   * is given, a tenth of a second at start-up for the five); else every subcommand.
   */
  public static CommandLine newCommandLine(String[] args) {
    return CommandArguments.subcommand(args, SUBCOMMANDS.keySet())
        .map(name -> newCommandLine(Set.of(name)))
        .orElseGet(KorescoreCommand::newCommandLine);
  }

  private static CommandLine newCommandLine(Set<String> names) {
    CommandLine commandLine = new CommandLine(new KorescoreCommand());
    SUBCOMMANDS.forEach((name, command) -> {
      if (names.contains(name)) {
        commandLine.addSubcommand(name, command.get());
      }
    });
    commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodeMap());
    return ErrorHandling.install(commandLine);
  }

  static java.util.Map<String, String> exitCodeMap() {
    java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
    for (String entry : ExitCodes.HELP_LIST) {
      int colon = entry.indexOf(':');
      map.put("  " + entry.substring(0, colon), entry.substring(colon + 1));
    }
    return map;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE_OR_INPUT;
  }
}
