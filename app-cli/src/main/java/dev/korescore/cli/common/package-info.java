/**
 * What every command shares: the documented exit codes and the one-line user error. Kept apart from the
 * root command's package so that subcommands can use them without a package cycle.
 */
package dev.korescore.cli.common;
