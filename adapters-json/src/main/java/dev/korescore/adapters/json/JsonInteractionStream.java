package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.SourcePosition;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Walks any of the supported shapes with one {@link JsonParser}: root-level values one after another
 * (JSON Lines, concatenated envelopes, a single record), root arrays of records or of envelopes, and
 * envelopes' {@code results} arrays. Holds at most one record in memory.
 *
 * <p>When skipping bad records over a {@link ReplayInput}, malformed JSON at the root (a line cut in half,
 * garbage, a stray byte order mark, a value that is not an object) costs only its line: reading starts
 * again, with a fresh parser, at the next line. Inside one JSON array or envelope there is no such place to
 * start again, and the error says so.
 */
final class JsonInteractionStream implements InteractionStream {
  private enum Context {
    ARRAY,
    RESULTS
  }

  private final String source;
  private final JsonFactory factory;
  private final ReplayInput replay;
  private JsonParser parser;
  private final RecordReader reader;
  private final boolean skipBadRecords;
  private final Deque<Context> contexts = new ArrayDeque<>();
  /** Where the outermost array or envelope started, while inside one. */
  private JsonLocation outerStart;
  private final List<InteractionReadException> firstSkipped = new ArrayList<>();
  private long skippedCount;
  private long recordsRead;
  private ConversationId lastRead;
  /** Whether a root-level value was read: an array after one is a bad line of JSON Lines, not the shape. */
  private boolean rootValueSeen;
  /** Input offset and line where the current parser started. */
  private long parserStartOffset;
  private long parserStartLine;
  /** Input offset and line just after the last root-level value (where a bad one can start). */
  private long lastEnd;
  private long lastEndLine;
  private Interaction next;
  private boolean finished;
  private boolean closed;

  JsonInteractionStream(String source, JsonParser parser, RecordReader reader, boolean skipBadRecords) {
    this(source, null, null, parser, reader, skipBadRecords);
  }

  /** A stream that, skipping bad records, can start again after a malformed line of {@code replay}. */
  JsonInteractionStream(
      String source, JsonFactory factory, ReplayInput replay, JsonParser parser, RecordReader reader,
      boolean skipBadRecords) {
    this.source = source;
    this.factory = factory;
    this.replay = replay;
    this.parser = parser;
    this.reader = reader;
    this.skipBadRecords = skipBadRecords;
    this.lastEndLine = 1;
    this.parserStartLine = 1;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    while (true) {
      try {
        next = advance();
      } catch (NotARecord e) {
        reader.reset();
        if (!skipBadRecords) {
          throw e.failure;
        }
        skip(e.failure);
        if (!restartAfterBadLine()) {
          finish();
          return false;
        }
        continue;
      } catch (InteractionReadException e) {
        reader.reset();
        if (skipBadRecords) {
          skip(e);
          continue;
        }
        throw e;
      } catch (IOException | RuntimeException | StackOverflowError e) {
        InteractionReadException failure = fatal(e);
        reader.reset();
        if (skipBadRecords && e instanceof JsonProcessingException && contexts.isEmpty()) {
          skip(failure);
          if (restartAfterBadLine()) {
            continue;
          }
        } else if (skipBadRecords && isCutShort(e)) {
          skip(failure);
        } else {
          finish();
          throw failure;
        }
        finish();
        return false;
      }
      if (next == null) {
        finish();
        return false;
      }
      recordsRead++;
      lastRead = next.conversationId();
      return true;
    }
  }

  private void skip(InteractionReadException e) {
    skippedCount++;
    if (firstSkipped.size() < SkippedRecords.KEPT) {
      firstSkipped.add(e);
    }
  }

  @Override
  public Interaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more interactions in " + source);
    }
    Interaction result = next;
    next = null;
    return result;
  }

  @Override
  public SkippedRecords skipped() {
    return new SkippedRecords(skippedCount, firstSkipped);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    next = null;
    try {
      parser.close();
      if (replay != null) {
        replay.close();
      }
    } catch (IOException | RuntimeException e) {
      // closing a reader after (or instead of) reading: nothing a caller could do
    }
  }

  private void finish() {
    finished = true;
    close();
  }

  /** The next interaction, or null at the end of the input. */
  private Interaction advance() throws IOException {
    while (true) {
      Context top = contexts.peek();
      if (top == null && replay != null) {
        markRootEnd();
      }
      JsonToken t = parser.nextToken();
      if (t == null) {
        if (top == null) {
          return null;
        }
        throw new JsonParseException(parser, "Unexpected end-of-input inside " + describe(top));
      }
      if (top == Context.RESULTS) {
        if (t == JsonToken.END_ARRAY) {
          contexts.pop();
          skipRestOfEnvelope();
          leaveContext();
          continue;
        }
        if (t == JsonToken.START_OBJECT) {
          return reader.readObject(false).orElseThrow(() -> new IllegalStateException("envelope in results"));
        }
      } else {
        if (t == JsonToken.END_ARRAY && top == Context.ARRAY) {
          contexts.pop();
          leaveContext();
          continue;
        }
        if (t == JsonToken.START_ARRAY && top == null && !rootValueSeen) {
          enterContext(Context.ARRAY);
          continue;
        }
        if (t == JsonToken.START_OBJECT) {
          JsonLocation start = top == null ? parser.currentTokenLocation() : null;
          Optional<Interaction> record = readObject(true);
          if (record.isPresent()) {
            return record.get();
          }
          if (top == null) {
            outerStart = start;
          }
          contexts.push(Context.RESULTS);
          continue;
        }
      }
      JsonLocation at = parser.currentTokenLocation();
      String found = describe(t);
      parser.skipChildren();
      InteractionReadException failure = new InteractionReadException(
          reader.position(at), Optional.empty(), "expected a record (a JSON object), found " + found);
      if (top == null) {
        rootValueSeen = true;
        throw new NotARecord(failure);
      }
      throw failure;
    }
  }

  private Optional<Interaction> readObject(boolean envelopeAllowed) throws IOException {
    try {
      return reader.readObject(envelopeAllowed);
    } finally {
      if (contexts.isEmpty()) {
        rootValueSeen = true;
      }
    }
  }

  private void enterContext(Context context) {
    if (contexts.isEmpty()) {
      outerStart = parser.currentTokenLocation();
    }
    contexts.push(context);
  }

  private void leaveContext() {
    if (contexts.isEmpty()) {
      rootValueSeen = true;
      outerStart = null;
    }
  }

  /** Remembers where the last root-level value ended: a bad one starts after it. */
  private void markRootEnd() {
    JsonLocation here = parser.currentLocation();
    long offset = here.getByteOffset();
    if (offset < 0) {
      return;
    }
    lastEnd = parserStartOffset + offset;
    lastEndLine = Math.max(1, here.getLineNr()) + parserStartLine - 1;
    replay.mark(lastEnd);
  }

  /**
   * Starts a fresh parser at the line after the one where the bad root-level value starts; false when the
   * input ends first (or cannot be read again: a text encoding without byte offsets).
   */
  private boolean restartAfterBadLine() {
    if (replay == null) {
      return false;
    }
    try {
      long start = lastEnd;
      int b;
      while ((b = replay.byteAt(start)) == ' ' || b == '\t' || b == '\r' || b == '\n') {
        start++;
      }
      if (b < 0) {
        return false;
      }
      long resume = replay.lineAfter(start);
      if (resume < 0) {
        return false;
      }
      long line = lastEndLine;
      for (long at = lastEnd; at < resume; at++) {
        if (replay.byteAt(at) == '\n') {
          line++;
        }
      }
      // A fresh parser would take a byte order mark at its start for the input's own: mid-input it is a bad line.
      while (replay.byteAt(resume) == 0xEF && replay.byteAt(resume + 1) == 0xBB && replay.byteAt(resume + 2) == 0xBF) {
        skip(new InteractionReadException(SourcePosition.of(source, line, 1), Optional.empty(),
            "malformed JSON: " + JsonErrors.describe("Unexpected character ('\uFEFF' (code 65279 / 0xfeff))")));
        long after = replay.lineAfter(resume);
        if (after < 0) {
          return false;
        }
        resume = after;
        line++;
      }
      JsonParser old = parser;
      replay.rewind(resume);
      parser = factory.createParser(replay);
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      old.close();
      parserStartOffset = resume;
      parserStartLine = line;
      lastEnd = resume;
      lastEndLine = line;
      replay.mark(resume);
      reader.restart(parser, line - 1);
      contexts.clear();
      outerStart = null;
      // reading starts again at a line: the input is JSON Lines, where an array is a bad line, not the shape
      rootValueSeen = true;
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void skipRestOfEnvelope() throws IOException {
    while (true) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        throw new JsonParseException(parser, "Unexpected end-of-input inside the response envelope");
      }
      if (t == JsonToken.END_OBJECT) {
        return;
      }
      parser.nextToken();
      parser.skipChildren();
    }
  }

  private static String describe(Context context) {
    return context == Context.ARRAY ? "an array" : "the \"results\" array";
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }
  }

  private static boolean isCutShort(Throwable e) {
    return e instanceof EOFException || e instanceof ZipException;
  }

  /**
   * The failure as the user should read it: at the start of the record it happened in (else where it
   * happened), that record's conversation id when it was read, and what is wrong in plain words.
   */
  private InteractionReadException fatal(Throwable e) {
    Optional<ConversationId> id = safeConversationId();
    Optional<JsonLocation> recordStart = reader.recordStartSoFar();
    if (isCutShort(e)) {
      String after = recordsRead == 0
          ? " before the first record"
          : String.format(Locale.ROOT, " after %,d record%s (the last whole one: conversation %s)", recordsRead,
              recordsRead == 1 ? "" : "s", lastRead);
      return new InteractionReadException(reader.position(recordStart.orElseGet(this::safeLocation)), id,
          JsonErrors.describe((IOException) e) + after, e);
    }
    if (e instanceof JsonProcessingException jpe) {
      JsonLocation errorAt = jpe.getLocation() != null ? jpe.getLocation() : safeLocation();
      JsonLocation start = recordStart.orElse(errorAt);
      String reason = "malformed JSON: " + JsonErrors.describe(jpe) + placeOf(start, errorAt);
      if (skipBadRecords && !contexts.isEmpty()) {
        reason += "; a bad record inside one JSON array or envelope"
            + (outerStart == null ? "" : " (it starts at " + reader.place(outerStart) + ")")
            + " cannot be skipped: there is no next line to start again at";
      }
      return new InteractionReadException(reader.position(start), id, reason, e);
    }
    if (e instanceof IOException io) {
      return new InteractionReadException(
          reader.position(recordStart.orElseGet(this::safeLocation)), id,
          "cannot read the input: " + JsonErrors.describe(io), e);
    }
    if (e instanceof StackOverflowError) {
      return new InteractionReadException(
          reader.position(recordStart.orElseGet(this::safeLocation)), id, "the input is nested too deeply", e);
    }
    String message = e.getMessage();
    return new InteractionReadException(
        reader.position(recordStart.orElseGet(this::safeLocation)), id,
        "cannot read the input: " + oneLine(message == null ? "an unexpected failure" : message), e);
  }

  /** {@code " (at line 2, column 20)"} when the error is not where the record starts. */
  private String placeOf(JsonLocation start, JsonLocation errorAt) {
    if (errorAt == null || start == errorAt || errorAt.getLineNr() <= 0
        || (errorAt.getLineNr() == start.getLineNr() && errorAt.getColumnNr() == start.getColumnNr())) {
      return "";
    }
    return " (at " + reader.place(errorAt) + ")";
  }

  private Optional<ConversationId> safeConversationId() {
    try {
      return reader.conversationIdSoFar();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Where the last token started: for failures that are not the JSON's fault. */
  private JsonLocation safeLocation() {
    try {
      return parser.currentTokenLocation();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String oneLine(String text) {
    String line = text.replace('\r', ' ').replace('\n', ' ');
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** A root-level value that is not an object: in JSON Lines, a bad line. */
  private static final class NotARecord extends IOException {
    private static final long serialVersionUID = 1L;
    final transient InteractionReadException failure;

    NotARecord(InteractionReadException failure) {
      super(failure.getMessage());
      this.failure = failure;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
