package dev.korescore.cli;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.text.TerminalText;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on standard error and a documented exit code: the one place
 * where exceptions become exit codes (commands throw typed exceptions and return only the codes of
 * success, mismatch and incompleteness). The stack trace is printed only with {@code --debug}.
 */
public final class ErrorHandling implements IExecutionExceptionHandler {

  /** Gives {@code commandLine} (the root, or one command on its own) korescore's error handling and exit codes. */
  public static CommandLine install(CommandLine commandLine) {
    commandLine.setExecutionStrategy(outOfMemoryAsError(commandLine.getExecutionStrategy()));
    commandLine.setExitCodeExceptionMapper(new ExitCodeMapper());
    commandLine.setExecutionExceptionHandler(new ErrorHandling());
    commandLine.setParameterExceptionHandler(new UsageErrors());
    return commandLine;
  }

  /**
   * {@code strategy} with the JVM running out of heap turned into a {@link CliException} (exit 5) that says
   * what to do: picocli passes only exceptions to the handler, an {@link OutOfMemoryError} would end the
   * process with a stack trace. By the time it is caught, what filled the heap is unreachable again.
   */
  static IExecutionStrategy outOfMemoryAsError(IExecutionStrategy strategy) {
    return parseResult -> {
      try {
        return strategy.execute(parseResult);
      } catch (OutOfMemoryError e) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        CommandLine command = commands.get(commands.size() - 1);
        throw new CommandLine.ExecutionException(command, "out of memory",
            new CliException(ExitCodes.OUT_OF_MEMORY, heapMessage(command.getCommandName(), e), e));
      }
    };
  }

  /** What ran out of heap and what to do, in the user's words. */
  static String heapMessage(String command, OutOfMemoryError e) {
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;
    String what = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("metaspace")
        ? "the JVM's class memory (Metaspace)" : "the Java heap (" + maxMb + " MB)";
    String rerun = "sync".equals(command)
        ? "; the windows committed so far are kept: rerun the same sync with a larger heap, e.g."
            + " KORESCORE_JAVA_OPTS=-Xmx1g ./korescore sync ... (or java -Xmx1g -jar korescore.jar sync ...),"
            + " or with a shorter --window (e.g. --window 6h)"
        : "; rerun with a larger heap, e.g. KORESCORE_JAVA_OPTS=-Xmx1g ./korescore " + command
            + " ... (or java -Xmx1g -jar korescore.jar " + command + " ...)";
    return command + " ran out of memory: " + what + " was too small for this work" + rerun;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText("korescore: " + TerminalText.visible(describe(ex, commandLine))));
    if (debug(commandLine)) {
      ex.printStackTrace(err);
    } else if (exitCode(ex) == ExitCodes.RUNTIME_FAILURE) {
      err.println("(rerun with --debug for the stack trace)");
    }
    err.flush();
    return exitCode(ex);
  }

  static String describe(Throwable ex, CommandLine commandLine) {
    if (ex instanceof StoreException.OutOfMemory) {
      return ex.getMessage() + ("sync".equals(commandLine.getCommandName())
          ? ", and rerun the same sync (the windows committed so far are kept)" : ", and rerun");
    }
    if (ex instanceof CliException || ex instanceof InteractionReadException || ex instanceof StoreException) {
      return ex.getMessage();
    }
    if (ex instanceof FetchException.AuthenticationFailed) {
      return ex.getMessage() + "; check the client id and secret";
    }
    if (ex instanceof FetchException.ClientError) {
      return ex.getMessage();
    }
    if (ex instanceof FetchException) {
      if ("sync".equals(commandLine.getCommandName())) {
        return ex.getMessage() + " (rerun the same sync: the windows committed so far are kept)";
      }
      boolean resumable = commandLine.getCommandSpec().findOption("--resume") != null;
      return ex.getMessage() + (resumable ? " (rerun with --resume to continue)" : "");
    }
    if (ex instanceof UncheckedIOException io && io.getCause() != null) {
      return "I/O error: " + io.getCause().getMessage();
    }
    String message = ex.getMessage();
    return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * The documented exit code of a failure: a {@link CliException}'s own; 5 when memory ran out (the heap,
   * or the store's limit); 2 for bad input, a bad
   * argument, failed authentication or another 4xx from Kore; 4 for everything else (network, server
   * or rate-limit failure after every retry, I/O, a bug).
   */
  public static int exitCode(Throwable ex) {
    if (ex instanceof CliException cli) {
      return cli.exitCode();
    }
    if (ex instanceof StoreException.OutOfMemory || ex instanceof OutOfMemoryError) {
      return ExitCodes.OUT_OF_MEMORY;
    }
    if (ex instanceof InteractionReadException || ex instanceof IllegalArgumentException
        || ex instanceof FetchException.AuthenticationFailed || ex instanceof FetchException.ClientError
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

  /**
   * A usage error: the message, a hint to {@code --help}, exit 2. The message never repeats a value from
   * the command line (a secret typed after a mistyped option would be printed back): an unknown option
   * is named alone, a value that does not fit its option is "the value given".
   */
  static final class UsageErrors implements IParameterExceptionHandler {
    /** The hint for {@code --client-secret}, a natural typo for {@code --client-secret-file}. */
    static final String SECRET_HINT = "the client secret is never a flag value: it is read from --client-secret-file FILE,"
        + " the profile (clientSecret or clientSecretFile) or KORE_CLIENT_SECRET";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine commandLine = ex.getCommandLine();
      PrintWriter err = commandLine.getErr();
      err.println(commandLine.getColorScheme().errorText("korescore: " + TerminalText.visible(message(ex))));
      if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && mentionsSecret(unmatched.getUnmatched())) {
        err.println("korescore: " + SECRET_HINT);
      } else {
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      }
      err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
      err.flush();
      return ExitCodes.USAGE_OR_INPUT;
    }

    static String message(ParameterException ex) {
      if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String arg : unmatched.getUnmatched()) {
          if (arg.startsWith("-") && arg.length() > 1 && !arg.matches("-\\d.*")) {
            int equals = arg.indexOf('=');
            options.add(equals < 0 ? arg : arg.substring(0, equals));
          } else {
            values++;
          }
        }
        if (!options.isEmpty()) {
          return (options.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", options)
              + (values == 0 ? "" : " (and " + values + " argument" + (values == 1 ? "" : "s") + " not shown)");
        }
        return values == 1 ? "one argument too many (not shown)" : values + " arguments too many (not shown)";
      }
      String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
      if (ex.getCause() instanceof IllegalArgumentException bad && bad.getMessage() != null
          && ex.getArgSpec() instanceof OptionSpec option) {
        // our converters' own words, not picocli's "cannot convert ... (java.lang.IllegalArgumentException: ...)"
        message = "invalid value for " + option.longestName() + ": " + bad.getMessage();
      }
      String value = ex.getValue();
      if (value != null && !value.isEmpty()) {
        message = message.replace("'" + value + "'", "the value given").replace(value, "the value given");
      }
      return message;
    }

    static boolean mentionsSecret(List<String> unmatched) {
      for (String arg : unmatched) {
        String name = arg.toLowerCase(Locale.ROOT);
        if (name.startsWith("-") && (name.contains("secret") || name.contains("token") || name.contains("password"))) {
          return true;
        }
      }
      return false;
    }
  }
}
