/**
 * {@code korescore fetch}: downloads Kore Raw Data into JSON Lines with a checkpoint for {@code --resume};
 * {@link dev.korescore.cli.fetch.FetchRun} is the reusable service behind it ({@code demo} and {@code
 * audit --from/--to} use it too).
 */
package dev.korescore.cli.fetch;
