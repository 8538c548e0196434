package dev.korescore.cli;

/** Entry point of the {@code korescore} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = KorescoreCommand.newCommandLine().execute(args);
    System.exit(code);
  }
}
