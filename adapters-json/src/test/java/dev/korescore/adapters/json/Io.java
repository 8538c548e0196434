package dev.korescore.adapters.json;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: read bytes or a resource through the adapter, write through the sinks. */
final class Io {
  static final JacksonInteractionReaderAdapter READER = JacksonInteractionReaderAdapter.create();

  private Io() {}

  static List<Interaction> read(String source, byte[] bytes) {
    return read(source, bytes, ReadOptions.strict());
  }

  static List<Interaction> read(String source, byte[] bytes, ReadOptions options) {
    try (InteractionStream stream = READER.open(source, new ByteArrayInputStream(bytes), options)) {
      List<Interaction> out = new ArrayList<>();
      stream.forEachRemaining(out::add);
      return out;
    }
  }

  static List<Interaction> read(String text) {
    return read("test.json", utf8(text));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] resource(String name) {
    try (InputStream in = Io.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /golden/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String jsonLines(List<Interaction> interactions, KeyStyle style) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesInteractionSinkAdapter sink = JsonLinesInteractionSinkAdapter.create(out, style)) {
      interactions.forEach(sink::write);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
