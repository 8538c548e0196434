package dev.korescore.cli;

import dev.korescore.cli.common.ExitCodes;
import java.util.concurrent.Callable;
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
    subcommands = {CommandLine.HelpCommand.class, dev.korescore.cli.audit.AuditCommand.class,
        dev.korescore.cli.fetch.FetchCommand.class,
        dev.korescore.cli.testkit.GenerateCommand.class,
        dev.korescore.cli.testkit.SimulateCommand.class,
        dev.korescore.cli.demo.DemoCommand.class})
public final class KorescoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DebugOption debugOption = new DebugOption();

  /** A command line with every subcommand, the exit-code list and the error handlers. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new KorescoreCommand());
    commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodeMap());
    commandLine.setExitCodeExceptionMapper(new ErrorHandling.ExitCodeMapper());
    commandLine.setExecutionExceptionHandler(new ErrorHandling());
    commandLine.setParameterExceptionHandler(new ErrorHandling.UsageErrors());
    return commandLine;
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
