package dev.korescore.core.archfixture.cycle.b;

import dev.korescore.core.archfixture.cycle.a.Left;

/** Test-only: the other half of a package cycle. */
public final class Right {
  private Right() {}

  public static Object other() {
    return Left.class;
  }
}
