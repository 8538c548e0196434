package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.SourcePosition;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads Kore Raw Data in any shape, streaming, with Jackson's {@link JsonParser}: an API response
 * envelope ({@code {"results":[...],"totalResults":...}}, keys in any order, several envelopes one after
 * another), a JSON array of records, or JSON Lines (one record per line, or a single record); UTF-8
 * with or without BOM (UTF-16/32 detected too); gzip recognised by its magic bytes, so standard input
 * works as well as {@code .gz} files. Memory does not grow with the input: one record at a time.
 *
 * <p>Every key variant of every API version is accepted (case, spaces and underscores do not matter;
 * {@code koreEvalutionScore} sic), numbers and booleans may be strings, unknown fields are kept at every
 * level. The only exception it throws is {@link InteractionReadException}, naming {@code
 * file:line:column} and the conversation id when known.
 */
public final class JacksonInteractionReaderAdapter implements ReadInteractionsPort {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  private final JsonFactory factory;

  private JacksonInteractionReaderAdapter(JsonFactory factory) {
    this.factory = factory;
  }

  /** A reader with korescore's own stream settings: {@link KoreJson#mapper()}'s, without data binding. */
  public static JacksonInteractionReaderAdapter create() {
    return new JacksonInteractionReaderAdapter(defaultFactory());
  }

  /**
   * A bare {@link JsonFactory} with the mapper's stream setting (no source in error locations): reading
   * loads nothing of jackson-databind, which building a {@code JsonMapper} (or only verifying {@code
   * KoreJson}) would, at a fifth of a second of start-up.
   */
  private static JsonFactory defaultFactory() {
    return JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  }

  /** A reader using {@code mapper}'s parser factory (its parser features and limits). */
  public static JacksonInteractionReaderAdapter create(JsonMapper mapper) {
    return new JacksonInteractionReaderAdapter(requireNonNull(mapper, "mapper").getFactory());
  }

  @Override
  public InteractionStream open(String sourceName, InputStream input, ReadOptions options) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(input, "input");
    requireNonNull(options, "options");
    try {
      return openDecoded(sourceName, decompressed(input), options);
    } catch (IOException | RuntimeException e) {
      throw cannotOpen(sourceName, input, e);
    }
  }

  @Override
  public InteractionStream open(String sourceName, Iterator<RawRecord> records, ReadOptions options) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(records, "records");
    requireNonNull(options, "options");
    return new FetchedRecords(sourceName, new RawRecordLines(records), options);
  }

  private InteractionStream openDecoded(String sourceName, InputStream in, ReadOptions options) throws IOException {
    if (options.skipBadRecords()) {
      ReplayInput replay = new ReplayInput(in);
      JsonParser parser = factory.createParser(replay);
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new JsonInteractionStream(sourceName, factory, replay, parser,
          new RecordReader(parser, factory, sourceName, options.scope()), true);
    }
    JsonParser parser = factory.createParser(in);
    return new JsonInteractionStream(
        sourceName, parser, new RecordReader(parser, factory, sourceName, options.scope()), false);
  }

  private static InteractionReadException cannotOpen(String sourceName, InputStream input, Exception e) {
    try {
      input.close();
    } catch (IOException | RuntimeException ignored) {
      // the open failure is what matters
    }
    return new InteractionReadException(
        SourcePosition.of(sourceName, 0, 0),
        Optional.empty(),
        "cannot read the input: " + (e instanceof EOFException ? "the gzip data is cut short before the first record"
            : e instanceof IOException io ? JsonErrors.describe(io) : String.valueOf(e.getMessage())),
        e);
  }

  /**
   * Opens a file (plain or gzip, whatever its name) for lazy reading; errors name it by {@code file}'s
   * text. A file that cannot be opened is an {@link InteractionReadException} too.
   */
  public InteractionStream open(Path file, ReadOptions options) {
    requireNonNull(file, "file");
    requireNonNull(options, "options");
    InputStream input;
    try {
      input = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InteractionReadException(
          SourcePosition.of(file.toString(), 0, 0), Optional.empty(), "no such file", e);
    } catch (IOException | RuntimeException e) {
      throw new InteractionReadException(
          SourcePosition.of(file.toString(), 0, 0), Optional.empty(), "cannot open the file: " + whyUnreadable(e), e);
    }
    return open(file.toString(), input, options);
  }

  /**
   * Why a file cannot be opened, in words ({@code "permission denied"}); the caller names the file, so the
   * exception's message (often only the path again) is not repeated.
   */
  public static String whyUnreadable(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason();
      if (reason != null && !reason.isBlank()) {
        return reason.toLowerCase(Locale.ROOT);
      }
      return "the file system refused it";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "it could not be read";
    }
    return message.replace('\n', ' ').toLowerCase(Locale.ROOT).endsWith("is a directory") ? "it is a directory"
        : message.replace('\n', ' ');
  }

  /** {@code input}, gunzipped when it starts with gzip's magic bytes. */
  static InputStream decompressed(InputStream input) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(input, BUFFER);
    buffered.mark(2);
    int first = buffered.read();
    int second = first < 0 ? -1 : buffered.read();
    buffered.reset();
    if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
      return new GZIPInputStream(buffered, BUFFER);
    }
    return buffered;
  }

  /**
   * The interactions of fetched records, opened on first use (nothing is fetched before the caller
   * asks); a failure of the records themselves is thrown as it is.
   */
  private final class FetchedRecords implements InteractionStream {
    private final String sourceName;
    private final RawRecordLines lines;
    private final ReadOptions options;
    private InteractionStream stream;
    private boolean closed;

    FetchedRecords(String sourceName, RawRecordLines lines, ReadOptions options) {
      this.sourceName = sourceName;
      this.lines = lines;
      this.options = options;
    }

    private InteractionStream opened() {
      if (stream == null) {
        try {
          stream = openDecoded(sourceName, lines, options);
        } catch (IOException | RuntimeException e) {
          throw lines.failure().orElseGet(() -> cannotOpen(sourceName, lines, e));
        }
      }
      return stream;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      try {
        return opened().hasNext();
      } catch (RuntimeException e) {
        throw lines.failure().orElse(e);
      }
    }

    @Override
    public dev.korescore.core.model.Interaction next() {
      try {
        return opened().next();
      } catch (RuntimeException e) {
        throw lines.failure().orElse(e);
      }
    }

    @Override
    public SkippedRecords skipped() {
      return stream == null ? SkippedRecords.none() : stream.skipped();
    }

    @Override
    public void close() {
      closed = true;
      if (stream != null) {
        stream.close();
      }
    }
  }
}
