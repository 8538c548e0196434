/**
 * Kore's Raw Data wire format to and from the domain, with Jackson: {@link
 * dev.korescore.adapters.json.JacksonInteractionReaderAdapter} reads any shape (API envelope, JSON array,
 * JSON Lines, gzip) streaming; {@link dev.korescore.adapters.json.JsonLinesInteractionSinkAdapter} and
 * {@link dev.korescore.adapters.json.CsvInteractionSinkAdapter} write; {@link
 * dev.korescore.adapters.json.KoreJson} is the one configured {@code JsonMapper} to share.
 */
package dev.korescore.adapters.json;
