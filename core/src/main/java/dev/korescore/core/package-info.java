/**
 * The korescore domain: Kore Quality AI interactions, their evaluation metrics, and the ports through
 * which the other modules read, write, fetch and score them. Depends on the JDK only: no Jackson, no
 * I/O, no clock.
 */
package dev.korescore.core;
