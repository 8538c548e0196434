package dev.korescore.testkit.archfixture;

import dev.korescore.cli.KorescoreCommand;
import dev.korescore.scoring.KoreAuditor;

/** A deliberately bad "testkit" class, test-only: it reuses our engine and the CLI instead of being independent. */
public final class TestkitReusesOurs {
  private TestkitReusesOurs() {}

  public static Object[] reuse() {
    return new Object[] {KoreAuditor.defaults(), KorescoreCommand.newCommandLine()};
  }
}
