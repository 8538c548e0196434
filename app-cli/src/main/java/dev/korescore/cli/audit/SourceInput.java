package dev.korescore.cli.audit;

import dev.korescore.core.model.Interaction;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The part every {@link AuditSource.Input} shares: the interactions of one iterator, the source as shown,
 * and the skipped-records note; no incomplete window unless a source says otherwise. Each source adds how
 * it closes (and what else it knows).
 */
abstract class SourceInput implements AuditSource.Input {
  private final Iterator<Interaction> interactions;
  private final List<String> shown;
  private final Supplier<Optional<String>> skippedNote;

  SourceInput(Iterator<Interaction> interactions, List<String> shown, Supplier<Optional<String>> skippedNote) {
    this.interactions = interactions;
    this.shown = List.copyOf(shown);
    this.skippedNote = skippedNote;
  }

  @Override
  public final boolean hasNext() {
    return interactions.hasNext();
  }

  @Override
  public final Interaction next() {
    return interactions.next();
  }

  @Override
  public final List<String> shown() {
    return shown;
  }

  @Override
  public final Optional<String> skippedNote() {
    return skippedNote.get();
  }

  @Override
  public List<String> incompleteWindows() {
    return List.of();
  }
}
