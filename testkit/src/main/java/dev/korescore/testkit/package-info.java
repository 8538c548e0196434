/**
 * Test support for korescore and for other teams' services: a Kore Raw Data simulator, seeded data
 * generators, QuickTheories generators and fixtures in domain words. Depends on {@code core} only (never
 * on our adapters or engine), so that it is an independent implementation of Kore to test them against.
 */
package dev.korescore.testkit;
