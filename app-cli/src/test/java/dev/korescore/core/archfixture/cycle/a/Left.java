package dev.korescore.core.archfixture.cycle.a;

import dev.korescore.core.archfixture.cycle.b.Right;

/** Test-only: one half of a package cycle. */
public final class Left {
  private Left() {}

  public static Object other() {
    return Right.class;
  }
}
