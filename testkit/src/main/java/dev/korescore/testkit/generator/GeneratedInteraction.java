package dev.korescore.testkit.generator;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.wire.KeyStyle;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One generated interaction: the domain value, its wire JSON (what Kore would send, possibly with a
 * planted mistake) and the truth.
 *
 * @param index the position in the generator's sequence (0-based)
 * @param interaction the record as the wire JSON holds it (Kore's reported values, planted mistakes included)
 * @param keyStyle the API version's key spelling used for {@code wireJson}
 * @param wireJson the record as compact JSON, one line
 * @param correctScore the score Kore's documented rules give ({@link KoreRules}); empty when not evaluated
 * @param correctPassed the pass flag those rules give; empty when not evaluated
 * @param planted the planted mistake, if any
 * @param shape the documented record shape this record has, if any (never together with a planted mistake)
 */
public record GeneratedInteraction(
    long index,
    Interaction interaction,
    KeyStyle keyStyle,
    String wireJson,
    OptionalInt correctScore,
    Optional<Boolean> correctPassed,
    Optional<PlantedDiscrepancy> planted,
    Optional<DocumentedShape> shape) {

  public GeneratedInteraction {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    requireNonNull(interaction, "interaction");
    requireNonNull(keyStyle, "keyStyle");
    requireNonNull(wireJson, "wireJson");
    requireNonNull(correctScore, "correctScore");
    requireNonNull(correctPassed, "correctPassed");
    requireNonNull(planted, "planted");
    requireNonNull(shape, "shape");
    if (planted.isPresent() && shape.isPresent()) {
      throw new IllegalArgumentException("a record with a documented shape carries no planted mistake, was "
          + shape.get() + " and " + planted.get());
    }
  }

  /** The generated interaction's conversation id. */
  public ConversationId conversationId() {
    return interaction.conversationId();
  }

  /** Whether Kore evaluated this interaction (it has a score). */
  public boolean isEvaluated() {
    return correctScore.isPresent();
  }

  /** Whether a wrong score or pass flag was planted in this record. */
  public boolean isPlanted() {
    return planted.isPresent();
  }
}
