/**
 * JUnit Jupiter support: {@link dev.korescore.testkit.junit.KoreSimulatorTest @KoreSimulatorTest} and
 * {@link dev.korescore.testkit.junit.KoreSimulatorExtension} start a {@link
 * dev.korescore.testkit.simulator.KoreSimulator} per test or per class, inject it as a parameter and stop it.
 */
package dev.korescore.testkit.junit;
