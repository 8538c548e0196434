package dev.korescore.core.port.out;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.util.Optional;

/**
 * An input could not be read as Kore interactions: malformed JSON, a value of the wrong type, a
 * missing conversation id, an unreadable file. The message names the place ({@code file:line:column})
 * and, when known, the conversation id, so that a user can find the record.
 */
public class InteractionReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SourcePosition position;
  private final transient Optional<ConversationId> conversationId;
  private final String reason;

  /** A read error at {@code position}, in the conversation when known, caused by {@code cause}. */
  public InteractionReadException(
      SourcePosition position, Optional<ConversationId> conversationId, String reason, Throwable cause) {
    super(message(position, conversationId, reason), cause);
    this.position = requireNonNull(position, "position");
    this.conversationId = requireNonNull(conversationId, "conversationId");
    this.reason = requireNonNull(reason, "reason");
  }

  /** A read error at {@code position}, in the conversation when known. */
  public InteractionReadException(
      SourcePosition position, Optional<ConversationId> conversationId, String reason) {
    this(position, conversationId, reason, null);
  }

  private static String message(
      SourcePosition position, Optional<ConversationId> conversationId, String reason) {
    return position
        + conversationId.map(id -> " (conversation " + id + ")").orElse("")
        + ": "
        + reason;
  }

  /** Where the bad input is: source, line and column. */
  public SourcePosition position() {
    return position;
  }

  /** The conversation the bad record belongs to, when its id could be read. */
  public Optional<ConversationId> conversationId() {
    return conversationId;
  }

  /** What was wrong, without the place. */
  public String reason() {
    return reason;
  }
}
