package dev.korescore.cli;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on standard error and a documented exit code. The stack trace
 * is printed only with {@code --debug}.
 */
final class ErrorHandling implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText("korescore: " + describe(ex)));
    if (debug(commandLine)) {
      ex.printStackTrace(err);
    } else if (exitCode(ex) == ExitCodes.RUNTIME_FAILURE) {
      err.println("(rerun with --debug for the stack trace)");
    }
    err.flush();
    return exitCode(ex);
  }

  static String describe(Throwable ex) {
    if (ex instanceof CliException || ex instanceof InteractionReadException || ex instanceof StoreException) {
      return ex.getMessage();
    }
    if (ex instanceof UncheckedIOException io && io.getCause() != null) {
      return "I/O error: " + io.getCause().getMessage();
    }
    String message = ex.getMessage();
    return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CliException cli) {
      return cli.exitCode();
    }
    if (ex instanceof InteractionReadException || ex instanceof IllegalArgumentException
        || ex instanceof StoreException) {
      return ExitCodes.USAGE_OR_INPUT;
    }
    return ExitCodes.RUNTIME_FAILURE;
  }

  private static boolean debug(CommandLine commandLine) {
    OptionSpec option = commandLine.getCommandSpec().findOption("--debug");
    if (option == null) {
      option = commandLine.getCommandSpec().root().findOption("--debug");
    }
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  /** Maps exceptions thrown outside command execution. */
  static final class ExitCodeMapper implements IExitCodeExceptionMapper {
    @Override
    public int getExitCode(Throwable exception) {
      return exitCode(exception);
    }
  }

  /** A usage error: the message, a hint to {@code --help}, exit 2. */
  static final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine commandLine = ex.getCommandLine();
      PrintWriter err = commandLine.getErr();
      err.println(commandLine.getColorScheme().errorText("korescore: " + ex.getMessage()));
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
      err.flush();
      return ExitCodes.USAGE_OR_INPUT;
    }
  }
}
