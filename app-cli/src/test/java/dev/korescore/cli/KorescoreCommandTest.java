package dev.korescore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.cli.common.CliException;
import dev.korescore.cli.common.ExitCodes;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KorescoreCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A command that fails the way a bug or an outage would. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the server went away");
    }
  }

  private int run(String... args) {
    CommandLine commandLine = KorescoreCommand.newCommandLine();
    commandLine.addSubcommand("boom", new Boom());
    return CliRun.capture(commandLine, out, err).execute(args);
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("Usage: korescore")
        .contains("Exit codes:")
        .containsPattern("\\n +1 +audit found at least one mismatch")
        .containsPattern("\\n +130 +fetch interrupted by Ctrl-C");
  }

  @Test
  void versionNamesTheProjectVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("korescore ").doesNotContain("unknown").contains("Java ");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
    assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString())
        .contains("korescore: unknown option --no-such-option")
        .contains("Try 'korescore --help'")
        .doesNotContain("\tat ");
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(out.toString()).contains("Usage: korescore");
  }

  @Test
  void failuresMapToDocumentedExitCodes() {
    assertThat(ErrorHandling.exitCode(CliException.usage("bad"))).isEqualTo(2);
    assertThat(ErrorHandling.exitCode(new CliException(ExitCodes.INCOMPLETE, "gap"))).isEqualTo(3);
    assertThat(ErrorHandling.exitCode(new IllegalStateException("boom"))).isEqualTo(4);
    assertThat(ErrorHandling.exitCode(new IllegalArgumentException("bad value"))).isEqualTo(2);
  }

  @Test
  void aFailureIsOneLineWithoutDebugAndATraceWithIt() {
    assertThat(run("boom")).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(err.toString())
        .contains("korescore: IllegalStateException: the server went away")
        .contains("rerun with --debug")
        .doesNotContain("\tat ");

    err.getBuffer().setLength(0);
    assertThat(run("boom", "--debug")).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(err.toString()).contains("\tat dev.korescore.cli.KorescoreCommandTest$Boom.call");
  }

  @Test
  void aNamedSubcommandIsBuiltAloneAndEverythingElseGetsTheWholeTree() {
    assertThat(KorescoreCommand.newCommandLine(new String[] {"audit", "data.jsonl"}).getSubcommands().keySet())
        .containsExactly("help", "audit");
    assertThat(KorescoreCommand.newCommandLine(new String[] {"--debug", "fetch", "--from", "x"})
            .getSubcommands().keySet())
        .containsExactly("help", "fetch");
    assertThat(KorescoreCommand.newCommandLine(new String[] {"--help", "audit"}).getSubcommands().keySet())
        .containsExactly("help", "audit", "whatif", "fetch", "sync", "history", "export", "generate", "simulate", "demo");
    assertThat(KorescoreCommand.newCommandLine(new String[] {"help", "demo"}).getSubcommands().keySet())
        .containsExactly("help", "audit", "whatif", "fetch", "sync", "history", "export", "generate", "simulate", "demo");
    assertThat(KorescoreCommand.newCommandLine(new String[] {"whatif", "--pass-score", "7"}).getSubcommands().keySet())
        .containsExactly("help", "whatif");
    assertThat(KorescoreCommand.newCommandLine(new String[] {}).getSubcommands()).hasSize(10);
  }
}
