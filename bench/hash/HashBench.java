// korescore content-hash benchmark: CanonicalJson.hash (the product) against the implementation it
// replaced (class Old below, copied as it was on main at 506605d), interleaved, several rounds, medians.
// Run through ./run.sh.
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.korescore.adapters.json.CanonicalJson;
import dev.korescore.core.store.ContentHash;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToLongFunction;

public class HashBench {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  static final JsonFactory FACTORY = JsonFactory.builder().build();
  static long sink;
  /** Times are this thread's CPU time: on a shared machine, wall time also counts other people's work. */
  static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String[] records = InteractionGenerator.builder().seed(42).count(n).build().stream()
        .map(g -> g.wireJson()).toArray(String[]::new);
    long chars = Arrays.stream(records).mapToLong(String::length).sum();
    System.out.printf("%,d generated records (seed 42), %.1f KB each on average, %.1f MB%n", n,
        chars / 1024.0 / n, chars / 1e6);
    same("kore records", records);

    byte[][] canonicalBytes = Arrays.stream(records)
        .map(r -> CanonicalJson.canonical(r).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    List<Variant> variants = List.of(
        new Variant("old hash", r -> Old.hash(r).hex().length()),
        new Variant("new hash", r -> CanonicalJson.hash(r).hex().length()));
    List<Variant> references = List.of(
        new Variant("Jackson token pass alone", HashBench::tokens),
        new Variant("SHA-256 alone (canonical bytes)", null));
    System.out.printf("%nKore records, %d rounds (the first 2 are warm-up, not in the medians); us per record:%n",
        rounds);
    double[][] times = new double[variants.size() + references.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
      // old and new take turns on each batch of 500 records (which goes first alternates), so that both
      // see the same moments of a shared machine; their sums over the batches make the round's times
      double[] sums = new double[variants.size()];
      for (int from = 0, batch = 0; from < records.length; from += 500, batch++) {
        String[] slice = Arrays.copyOfRange(records, from, Math.min(records.length, from + 500));
        for (int k = 0; k < variants.size(); k++) {
          int v = (round + batch) % 2 == 0 ? k : variants.size() - 1 - k;
          sums[v] += perRecord(slice, variants.get(v).work()) * slice.length;
        }
      }
      for (int v = 0; v < variants.size(); v++) {
        times[v][round] = sums[v] / records.length;
      }
      times[2][round] = perRecord(records, HashBench::tokens);
      long start = now();
      for (byte[] bytes : canonicalBytes) {
        sha256.reset();
        sink += sha256.digest(bytes)[0];
      }
      times[3][round] = (now() - start) / 1e3 / records.length;
      for (int v = 0; v < times.length; v++) {
        line.append(String.format("  %s %.2f", v < 2 ? variants.get(v).name() : references.get(v - 2).name(),
            times[v][round]));
      }
      System.out.println(line);
    }
    int warm = Math.min(2, rounds - 1);
    double old = median(Arrays.copyOfRange(times[0], warm, rounds));
    double now = median(Arrays.copyOfRange(times[1], warm, rounds));
    double mb = chars / 1e6;
    System.out.printf("median old hash: %.2f us per record (%.0f MB/s of JSON)%n", old, mb / (old * n / 1e6));
    double[] ratios = new double[rounds - warm];
    for (int round = warm; round < rounds; round++) {
      ratios[round - warm] = times[0][round] / times[1][round];
    }
    System.out.printf("median new hash: %.2f us per record (%.0f MB/s of JSON): %.2fx faster (median of the"
        + " rounds' ratios %.2fx, range %.2fx to %.2fx)%n", now, mb / (now * n / 1e6), old / now, median(ratios),
        Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
    System.out.printf("median Jackson token pass alone: %.2f us, SHA-256 alone over the canonical bytes: %.2f us%n",
        median(Arrays.copyOfRange(times[2], warm, rounds)), median(Arrays.copyOfRange(times[3], warm, rounds)));

    System.out.printf("%nOther input shapes (old and new interleaved, median of 7 rounds after 2 warm-up):%n");
    Map<String, String[]> shapes = new java.util.LinkedHashMap<>();
    String[] some = Arrays.copyOf(records, Math.min(n, 3000));
    Random random = new Random(7);
    shapes.put("pretty-printed, keys shuffled", map(some, r -> write(MAPPER.writerWithDefaultPrettyPrinter(),
        shuffle(read(r), random))));
    shapes.put("already canonical (keys sorted)", map(some, CanonicalJson::canonical));
    shapes.put("non-ASCII keys and values (e, CJK, emoji)", map(some, r -> write(MAPPER.writer(),
        strings(read(r), HashBench::nonAscii))));
    shapes.put("escapes in keys and values (\\n \\\" \\u00e9)", map(some, r -> write(ESCAPING.writer(),
        strings(read(r), s -> nonAscii(s) + "\n\"\\"))));
    shapes.put("nested 300 deep", map(some, r -> "[".repeat(150) + "{\"z\":".repeat(150) + r + "}".repeat(150)
        + "]".repeat(150)));
    shapes.put("one 1.3 MB array of 1,000 records", new String[] {"[" + String.join(",", Arrays.copyOf(some, 1000))
        + "]"});
    StringBuilder wide = new StringBuilder("{");
    for (int i = 5000; i > 0; i--) {
      wide.append(i == 5000 ? "" : ",").append("\"key ").append(i).append("\":").append(i);
    }
    shapes.put("one object of 5,000 keys in reverse order", new String[] {wide.append('}').toString()});
    String[] numbers = {"0", "-0", "1.0", "-1.5e-7", "1e5", "12345678901234567890", "3.14159", "-0.0", "2E+10"};
    shapes.put("arrays of 500 numbers", map(some, r -> {
      StringBuilder array = new StringBuilder("[");
      for (int i = 0; i < 500; i++) {
        array.append(i == 0 ? "" : ",").append(numbers[(i + r.length()) % numbers.length]);
      }
      return array.append(']').toString();
    }));
    for (Map.Entry<String, String[]> shape : shapes.entrySet()) {
      String[] docs = shape.getValue();
      same(shape.getKey(), docs);
      long docChars = Arrays.stream(docs).mapToLong(String::length).sum();
      int repeat = (int) Math.max(1, 20_000_000 / docChars); // about 20 million characters per timing
      double[][] shapeTimes = new double[2][9];
      for (int round = 0; round < 9; round++) {
        for (int k = 0; k < 2; k++) {
          int v = round % 2 == 0 ? k : 1 - k;
          double total = 0;
          for (int rep = 0; rep < repeat; rep++) {
            total += perRecord(docs, variants.get(v).work());
          }
          shapeTimes[v][round] = total / repeat;
        }
      }
      double o = median(Arrays.copyOfRange(shapeTimes[0], 2, 9));
      double w = median(Arrays.copyOfRange(shapeTimes[1], 2, 9));
      double perDoc = docChars / 1e6 / docs.length;
      System.out.printf("  %-45s %,10.0f chars/doc  old %,10.2f us  new %,10.2f us  (%.0f -> %.0f MB/s)  %.2fx%n",
          shape.getKey(), (double) docChars / docs.length, o, w, perDoc / (o / 1e6), perDoc / (w / 1e6), o / w);
    }
    System.out.println("(sink " + sink + ")");
  }

  record Variant(String name, ToLongFunction<String> work) {}

  /** Checks that the new hash and the old one agree on every document. */
  static void same(String what, String[] docs) {
    for (String doc : docs) {
      ContentHash old = Old.hash(doc);
      ContentHash now = CanonicalJson.hash(doc);
      if (!old.equals(now) || !Old.canonical(doc).equals(CanonicalJson.canonical(doc))) {
        throw new IllegalStateException(what + ": the hashes differ on " + doc);
      }
    }
    System.out.printf("%s: %,d documents, the same hash and canonical text old and new%n", what, docs.length);
  }

  static double perRecord(String[] docs, ToLongFunction<String> work) {
    long start = now();
    long s = 0;
    for (String doc : docs) {
      s += work.applyAsLong(doc);
    }
    sink += s;
    return (now() - start) / 1e3 / docs.length;
  }

  static long tokens(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      long count = 0;
      while (parser.nextToken() != null) {
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  static String[] map(String[] docs, Function<String, String> f) {
    return Arrays.stream(docs).map(f).toArray(String[]::new);
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(com.fasterxml.jackson.databind.ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String nonAscii(String s) {
    return s.replace("a", "\u00e9").replace("e", "\u4e2d").replace("o", "\ud83d\ude00");
  }

  /** {@code node} with every key and string value passed through {@code f}. */
  static JsonNode strings(JsonNode node, Function<String, String> f) {
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      node.properties().forEach(e -> copy.set(f.apply(e.getKey()), strings(e.getValue(), f)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(strings(element, f)));
      return copy;
    }
    return node.isTextual() ? TextNode.valueOf(f.apply(node.textValue())) : node;
  }

  static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      Collections.shuffle(fields, random);
      ObjectNode copy = MAPPER.createObjectNode();
      fields.forEach(e -> copy.set(e.getKey(), shuffle(e.getValue(), random)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(shuffle(element, random)));
      return copy;
    }
    return node;
  }

  /**
   * CanonicalJson as it was before issue 14's rework (main at 506605d), copied whole: Jackson's streaming
   * parser, a StringBuilder per record and Member records, the char-to-byte pass before SHA-256.
   */
  static final class Old {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    static String canonical(String json) {
      return write(json, new StringBuilder(json.length())).toString();
    }

    static ContentHash hash(String json) {
      Buffers buffers = BUFFERS.get();
      StringBuilder text = write(json, buffers.text());
      MessageDigest sha256 = buffers.sha256;
      sha256.reset();
      int length = text.length();
      byte[] bytes = buffers.bytes(length);
      boolean ascii = true;
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        bytes[i] = (byte) c;
      }
      if (ascii) {
        sha256.update(bytes, 0, length);
      } else {
        sha256.update(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      return ContentHash.ofBytes(sha256.digest());
    }

    private static StringBuilder write(String json, StringBuilder out) {
      out.setLength(0);
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
        return out;
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private record Member(String key, int start, int end) {}

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

    private static void reorder(StringBuilder out, int from, List<Member> members, StringBuilder scratch) {
      List<Member> sorted = new ArrayList<>(members);
      sorted.sort(Comparator.comparing(Member::key));
      scratch.setLength(0);
      for (int i = 0; i < sorted.size(); i++) {
        Member member = sorted.get(i);
        if (i + 1 < sorted.size() && sorted.get(i + 1).key().equals(member.key())) {
          continue;
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
          string(new String(text, offset, length), out);
          return;
        }
      }
      out.append('"').append(text, offset, length).append('"');
    }

    private static final class Buffers {
      private final StringBuilder text = new StringBuilder(4096);
      private final MessageDigest sha256;
      private byte[] bytes = new byte[4096];

      Buffers() {
        try {
          sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("the JDK has no SHA-256", e);
        }
      }

      StringBuilder text() {
        if (text.capacity() > MAX_KEPT) {
          text.setLength(0);
          text.trimToSize();
        }
        return text;
      }

      byte[] bytes(int length) {
        if (bytes.length < length || bytes.length > MAX_KEPT && length <= MAX_KEPT) {
          bytes = new byte[Math.max(length, 4096)];
        }
        return bytes;
      }
    }

    private static final int MAX_KEPT = 1 << 20;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
  }
}
