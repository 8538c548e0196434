package dev.korescore.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --debug}, inherited by every subcommand: print stack traces of failures. */
final class DebugOption {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure (never any secret).")
  boolean debug;
}
