/**
 * An embeddable Kore Raw Data server for tests: {@link dev.korescore.testkit.simulator.KoreSimulator}, its
 * {@link dev.korescore.testkit.simulator.SimulatorConfig}, datasets, the fault plan and recorded requests.
 */
package dev.korescore.testkit.simulator;
