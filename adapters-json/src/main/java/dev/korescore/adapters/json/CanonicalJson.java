package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.korescore.core.store.ContentHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical form of a JSON document, and its {@link ContentHash}: object keys sorted (by UTF-16 code
 * units; a repeated key keeps its last value), no whitespace between tokens, strings re-escaped the one
 * way Jackson writes them, numbers exactly as written ({@code 1.0} stays {@code 1.0}: Kore's own text is
 * the content). A record whose keys Kore reorders or whose spacing changes has the same hash; a record
 * with any other value changed has another.
 *
 * <p>Written by {@code CanonicalWriter}, a scanner of strict JSON that writes the canonical UTF-8 straight
 * from the text into reused buffers and re-orders an object only when its keys arrive out of order. What
 * it declines (anything that is not plain strict JSON within Jackson's read limits) takes Jackson's
 * streaming parser instead, which gives the same text or Jackson's error: so the two accept the same
 * documents. {@code CanonicalJsonProperties} proves both equal to the plain tree-of-maps form.
 */
public final class CanonicalJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private CanonicalJson() {}

  /** {@code json}'s canonical text. */
  public static String canonical(String json) {
    requireNonNull(json, "json");
    CanonicalWriter writer = PER_THREAD.get().writer;
    if (writer.write(json) && !writer.replacedSurrogate()) {
      return new String(writer.bytes(), 0, writer.length(), StandardCharsets.UTF_8);
    }
    return jacksonCanonical(json); // a lone surrogate is kept in the text, not as its '?' byte
  }

  /** The SHA-256 of {@code json}'s canonical text in UTF-8. */
  public static ContentHash hash(String json) {
    requireNonNull(json, "json");
    PerThread state = PER_THREAD.get();
    MessageDigest sha256 = state.sha256;
    sha256.reset();
    CanonicalWriter writer = state.writer;
    if (writer.write(json)) {
      sha256.update(writer.bytes(), 0, writer.length());
    } else {
      sha256.update(jacksonCanonical(json).getBytes(StandardCharsets.UTF_8));
    }
    return ContentHash.ofBytes(sha256.digest());
  }

  /** The canonical text by Jackson's streaming parser: for what {@code CanonicalWriter} declines. */
  static String jacksonCanonical(String json) {
    requireNonNull(json, "json");
    StringBuilder out = new StringBuilder(json.length());
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("not a JSON document: empty");
      }
      value(parser, first, out, new StringBuilder());
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON document: text follows the value at "
            + parser.currentLocation().getCharOffset());
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One member of an object being written: its key and where its {@code "key":value} text is in the output. */
  private record Member(String key, int start, int end) {}

  /**
   * Writes the value that starts with {@code token} in canonical form, streaming: each object's members
   * are written as they come, and re-ordered in place only when their keys are not already in order
   * (or one repeats); {@code scratch} is the room for that re-ordering.
   */
  private static void value(JsonParser parser, JsonToken token, StringBuilder out, StringBuilder scratch)
      throws IOException {
    switch (token) {
      case START_OBJECT -> {
        int open = out.length();
        out.append('{');
        List<Member> members = new ArrayList<>();
        boolean ordered = true;
        String previous = null;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          if (!members.isEmpty()) {
            out.append(',');
          }
          int start = out.length();
          string(key, out);
          out.append(':');
          value(parser, parser.nextToken(), out, scratch);
          members.add(new Member(key, start, out.length()));
          if (previous != null && previous.compareTo(key) >= 0) {
            ordered = false;
          }
          previous = key;
        }
        if (!ordered) {
          reorder(out, open + 1, members, scratch);
        }
        out.append('}');
      }
      case START_ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          value(parser, t, out, scratch);
        }
        out.append(']');
      }
      case VALUE_STRING -> string(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), out);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          out.append(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      case VALUE_TRUE -> out.append("true");
      case VALUE_FALSE -> out.append("false");
      case VALUE_NULL -> out.append("null");
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    }
  }

  /**
   * Rewrites an object's members, which start at {@code from} in {@code out}, sorted by key; of a repeated
   * key the last member is kept (as a map would).
   */
  private static void reorder(StringBuilder out, int from, List<Member> members, StringBuilder scratch) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing(Member::key)); // stable: repeated keys stay in arrival order
    scratch.setLength(0);
    for (int i = 0; i < sorted.size(); i++) {
      Member member = sorted.get(i);
      if (i + 1 < sorted.size() && sorted.get(i + 1).key().equals(member.key())) {
        continue; // a later member with the same key wins
      }
      if (scratch.length() > 0) {
        scratch.append(',');
      }
      scratch.append(out, member.start(), member.end());
    }
    out.setLength(from);
    out.append(scratch);
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }

  private static void string(char[] text, int offset, int length, StringBuilder out) {
    for (int i = offset; i < offset + length; i++) {
      char c = text[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        string(new String(text, offset, length), out); // escapes: Jackson's one way
        return;
      }
    }
    out.append('"').append(text, offset, length).append('"');
  }

  /** Per-thread writer and digest. */
  private static final class PerThread {
    private final CanonicalWriter writer = new CanonicalWriter(FACTORY.streamReadConstraints());
    private final MessageDigest sha256;

    PerThread() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no SHA-256", e);
      }
    }
  }

  private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);
}
