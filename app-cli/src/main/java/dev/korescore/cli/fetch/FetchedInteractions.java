package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.SourcePosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fetched records mapped one by one to domain interactions by adapters-json. A failed request surfaces
 * as the {@link dev.korescore.core.fetch.FetchException} it is; a record the mapper rejects as an
 * {@link InteractionReadException} naming its conversation id. Closing it stops the fetch.
 */
public final class FetchedInteractions implements InteractionStream {
  private final RawRecordStream records;
  private final JacksonInteractionReaderAdapter reader;
  private final String source;

  FetchedInteractions(RawRecordStream records, JacksonInteractionReaderAdapter reader, String source) {
    this.records = requireNonNull(records, "records");
    this.reader = requireNonNull(reader, "reader");
    this.source = requireNonNull(source, "source");
  }

  @Override
  public boolean hasNext() {
    return records.hasNext();
  }

  @Override
  public Interaction next() {
    RawRecord record = records.next();
    String name = source + " conversation " + record.conversationId();
    try (InteractionStream one = reader.open(name,
        new ByteArrayInputStream(record.json().getBytes(StandardCharsets.UTF_8)), ReadOptions.strict())) {
      if (!one.hasNext()) {
        throw new InteractionReadException(SourcePosition.of(name, 0, 0), Optional.of(record.conversationId()),
            "the record holds no interaction");
      }
      return one.next();
    }
  }

  /** The completeness ledgers of the windows fetched so far. */
  public List<WindowLedger> ledgers() {
    return records.ledgers();
  }

  @Override
  public SkippedRecords skipped() {
    return SkippedRecords.none();
  }

  @Override
  public void close() {
    records.close();
  }
}
