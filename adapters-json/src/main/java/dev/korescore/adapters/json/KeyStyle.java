package dev.korescore.adapters.json;

/**
 * The spelling of the keys that {@link JsonLinesInteractionSinkAdapter} writes. The reader accepts
 * both (and every other variant) whatever the style.
 */
public enum KeyStyle {
  /** The 2024 API's keys, as in the seed page: {@code "Conversation ID"}, {@code "Kore Evaluation Score"}. */
  SEED_2024,
  /** The later API's camelCase keys: {@code conversationId}, {@code koreEvaluationScore}, {@code fatalErrorCount}. */
  CAMEL_CASE
}
