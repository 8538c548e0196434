/**
 * Outbound ports: what the domain needs from the outside world (reading and writing interactions),
 * named by capability, with signatures in {@code core} types and JDK streams only. Adapters implement
 * them; {@code app-cli} wires them.
 */
package dev.korescore.core.port.out;
