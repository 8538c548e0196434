/**
 * Text from the data made safe to show: {@link dev.korescore.core.text.TerminalText} turns control
 * characters into visible escapes before a name, a reason or a server's message reaches a terminal or a
 * log. JDK types only, so that every module (the HTTP adapter's log lines, the CLI's output) uses the one
 * rule.
 */
package dev.korescore.core.text;
