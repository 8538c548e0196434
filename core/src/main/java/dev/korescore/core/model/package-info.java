/**
 * Value objects for Kore Raw Data: an {@link dev.korescore.core.model.Interaction} and everything in
 * it. Records validate in their compact constructors, copy their collections, and keep the fields the
 * model does not know in {@link dev.korescore.core.model.Extras} so that nothing a user exported is lost.
 */
package dev.korescore.core.model;
