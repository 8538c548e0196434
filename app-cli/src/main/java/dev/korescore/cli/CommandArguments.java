package dev.korescore.cli;

import java.util.Optional;
import java.util.Set;

/**
 * Which subcommand a command line names, read before picocli builds anything: the first argument, or
 * the first after {@code --debug} (the root's only option that may come before a subcommand).
 */
final class CommandArguments {
  private CommandArguments() {}

  /** The subcommand {@code args} name, when it is one of {@code known}. */
  static Optional<String> subcommand(String[] args, Set<String> known) {
    for (String arg : args) {
      if (known.contains(arg)) {
        return Optional.of(arg);
      }
      if (!arg.equals("--debug")) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
