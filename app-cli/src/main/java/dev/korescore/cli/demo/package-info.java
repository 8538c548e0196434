/** {@code korescore demo}: the whole job, end to end, on an embedded simulator with planted discrepancies. */
package dev.korescore.cli.demo;
