/**
 * QuickTheories generators for Kore data ({@link dev.korescore.testkit.properties.KoreGenerators}), so
 * that any team can state properties about metrics, interactions and scoring policies.
 */
package dev.korescore.testkit.properties;
