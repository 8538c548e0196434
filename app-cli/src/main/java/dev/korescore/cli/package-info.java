/**
 * The {@code korescore} command line: picocli commands and the composition root that wires the
 * adapters to the domain. The only package that sees every module.
 */
package dev.korescore.cli;
