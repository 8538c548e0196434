package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes interactions as Kore's JSON, one record per line (JSON Lines, UTF-8, {@code \n}), keeping the
 * fields the model does not know, so that reading the output back gives equal interactions. Keys are
 * the 2024 API's ({@link KeyStyle#SEED_2024}) unless another style is asked for. Not thread-safe.
 *
 * <p>The sink owns the stream: {@link #close()} flushes and closes it.
 */
public final class JsonLinesInteractionSinkAdapter implements InteractionSink {
  private final JsonGenerator generator;
  private final RecordWriter writer;

  private JsonLinesInteractionSinkAdapter(JsonGenerator generator, KeyStyle style) {
    this.generator = generator;
    this.writer = new RecordWriter(style);
  }

  /** A sink writing the 2024 key style to {@code out}. */
  public static JsonLinesInteractionSinkAdapter create(OutputStream out) {
    return create(out, KeyStyle.SEED_2024);
  }

  /** A sink writing {@code style}'s keys to {@code out}. */
  public static JsonLinesInteractionSinkAdapter create(OutputStream out, KeyStyle style) {
    requireNonNull(out, "out");
    requireNonNull(style, "style");
    JsonFactory factory = KoreJson.mapper().getFactory();
    try {
      JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8);
      generator.setRootValueSeparator(null);
      return new JsonLinesInteractionSinkAdapter(generator, style);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the JSON Lines output", e);
    }
  }

  @Override
  public void write(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    try {
      writer.write(generator, interaction);
      generator.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write interaction " + interaction.conversationId() + " as JSON Lines", e);
    }
  }

  /** Pushes what is buffered to the underlying stream. */
  public void flush() {
    try {
      generator.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the JSON Lines output", e);
    }
  }

  @Override
  public void close() {
    try {
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the JSON Lines output", e);
    }
  }
}
