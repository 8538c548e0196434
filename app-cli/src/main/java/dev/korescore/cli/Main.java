package dev.korescore.cli;

import dev.korescore.cli.audit.BoundedHeap;
import java.util.List;
import java.util.OptionalInt;

/** Entry point of the {@code korescore} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (CommandArguments.subcommand(args, BoundedHeap.COMMANDS).isPresent()) {
      // Re-run in a bounded JVM before picocli and the commands load: the parent only waits.
      OptionalInt bounded = BoundedHeap.relaunchIfUnbounded(List.of(args));
      if (bounded.isPresent()) {
        System.exit(bounded.getAsInt());
      }
    }
    int code = KorescoreCommand.newCommandLine(args).execute(args);
    System.exit(code);
  }
}
