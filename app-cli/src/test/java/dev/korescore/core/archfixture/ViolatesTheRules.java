package dev.korescore.core.archfixture;

import java.util.logging.Logger;

/**
 * A deliberately bad "core" class, test-only: throws a bare RuntimeException, logs through
 * java.util.logging, prints, and reaches for a CLI library. {@code ArchitectureRulesCanFailTest} proves
 * each rule catches it; the production rules never see it (tests are not imported).
 */
public final class ViolatesTheRules {
  private static final Logger LOG = Logger.getLogger("bad");

  private ViolatesTheRules() {}

  public static void misbehave(String value) {
    LOG.info("value " + value);
    System.out.println(picocli.CommandLine.Help.Ansi.OFF.string(value));
    if (value.isEmpty()) {
      throw new RuntimeException("bare");
    }
  }
}
