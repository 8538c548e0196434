package dev.korescore.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * The one way the tests run the CLI: a real command line (the root with every subcommand, or one
 * command built with test settings), korescore's own error handling and exit codes, and standard output
 * and error written to the test's writers.
 */
public final class CliRun {
  private CliRun() {}

  /** {@code korescore ARGS}, as {@link Main} runs it (without the bounded child JVM). */
  public static int korescore(Writer out, Writer err, String... args) {
    return korescore(out, err).execute(args);
  }

  /** The root command line with every subcommand, to adjust before {@code execute}. */
  public static CommandLine korescore(Writer out, Writer err) {
    return capture(KorescoreCommand.newCommandLine(), out, err);
  }

  /**
   * One command on its own (e.g. a {@code FetchCommand} with a test environment and quick retries),
   * with the same error handling; options may be given twice, the last one winning, so that a test can
   * override its defaults.
   */
  public static CommandLine command(Object command, Writer out, Writer err) {
    CommandLine commandLine = ErrorHandling.install(new CommandLine(command));
    commandLine.setOverwrittenOptionsAllowed(true);
    return capture(commandLine, out, err);
  }

  /** Sends {@code commandLine}'s output to the test's writers (again, after adding a subcommand). */
  public static CommandLine capture(CommandLine commandLine, Writer out, Writer err) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }
}
