package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;

/**
 * One interaction exactly as Kore sent it: the JSON text of the object, byte for byte as it appeared
 * in the response (key order, spacing and number forms kept), with its conversation id.
 *
 * @param conversationId the record's {@code "Conversation ID"} / {@code conversationId}
 * @param json the record's JSON object text, as received
 */
public record RawRecord(ConversationId conversationId, String json) {
  public RawRecord {
    requireNonNull(conversationId, "conversationId");
    requireNonNull(json, "json");
    if (json.isBlank() || json.strip().charAt(0) != '{') {
      throw new IllegalArgumentException(
          "json must be a JSON object, was '" + abbreviate(json) + "' for " + conversationId);
    }
  }

  /** A record with this conversation id and its JSON exactly as received. */
  public static RawRecord of(String conversationId, String json) {
    return new RawRecord(ConversationId.of(conversationId), json);
  }

  /**
   * The record on one line: the text as received, with line breaks (which JSON allows only as
   * whitespace between tokens) turned into spaces; every key and value is unchanged.
   */
  public String jsonLine() {
    if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
      return json;
    }
    return json.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  @Override
  public String toString() {
    return "RawRecord[" + conversationId + ", " + json.length() + " chars]";
  }
}
