/** {@code korescore generate} and {@code korescore simulate}: the testkit's generator and simulator on the command line. */
package dev.korescore.cli.testkit;
