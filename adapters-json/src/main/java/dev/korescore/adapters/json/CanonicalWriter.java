package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.Arrays;

/**
 * The fast path of {@link CanonicalJson}: writes a JSON document's canonical form as UTF-8 bytes straight
 * from its characters, with its own scanner of strict JSON, into reused buffers, keeping each object's
 * members on int stacks (no objects per member, no {@code String} per key) and re-ordering an object only
 * when its keys arrive out of order.
 *
 * <p>It <em>declines</em> ({@link #write} returns false) whatever Jackson might read otherwise or reject:
 * anything that is not plain strict JSON (comments, a byte-order mark, leading zeros, a bad escape, any
 * syntax error) and anything beyond Jackson's read limits ({@link StreamReadConstraints}: nesting depth,
 * number, string and name lengths, checked conservatively on the raw text). {@code CanonicalJson} then
 * takes Jackson's path, which gives the same text or Jackson's error. {@code CanonicalWriterProperties}
 * proves it equal to the plain tree-of-maps form (Jackson's tree, a sorted map per object,
 * {@code MessageDigest}) on every shape, and that what this class accepts Jackson accepts.
 *
 * <p>Strings are re-escaped the one way Jackson's {@code JsonStringEncoder} writes them ({@code \"},
 * {@code \\}, {@code \b \t \n \f \r}, other controls as <code>&#92;u00XX</code>, nothing else), and
 * encoded the way {@code String.getBytes(UTF_8)} does, so a lone surrogate becomes {@code ?}
 * ({@link #replacedSurrogate()} says so: the bytes then no longer decode to the canonical text).
 *
 * <p>Not thread-safe: one per thread.
 */
final class CanonicalWriter {
  /** Buffers grown beyond this for a huge document are dropped before the next one. */
  private static final int MAX_KEPT = 1 << 20;
  private static final int INITIAL = 4096;
  /** Objects with more members than this are sorted by {@link Arrays#sort} (stable), fewer by binary insertion. */
  private static final int INSERTION_SORT_MAX = 32;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /**
   * Per ASCII character: 0 written as is, -1 written <code>&#92;u00XX</code>, else the letter after the
   * backslash (Jackson's {@code CharTypes.get7BitOutputEscapes()}).
   */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private final int maxDepth;
  private final int maxNumberLength;
  private final int maxStringLength;
  private final int maxNameLength;

  /**
   * The document's characters, then a NUL that no valid JSON has there (the scanner's end mark), then the
   * decoded form of the keys that held escapes, innermost object last (up to {@link #decodedTop}).
   */
  private char[] in = new char[INITIAL];
  private int end;
  private int pos;

  private byte[] out = new byte[INITIAL];
  private int length;
  private byte[] scratch = new byte[INITIAL];
  private boolean replacedSurrogate;

  private int decodedTop;
  /** The key just read: where its decoded characters are in {@link #in}, and how many. */
  private int keyStart;
  private int keyLength;
  /**
   * Per member of the objects being written, innermost object last: its key's start and length in
   * {@link #in}, and where its {@code "key":value} text starts and ends in out.
   */
  private int[] members = new int[256];
  /**
   * Per member, its key's first eight characters in two numbers (four each, missing ones as 0): two keys
   * whose numbers differ (unsigned) are ordered by them, so most comparisons read no characters.
   */
  private long[] prefixes = new long[128];
  private int membersTop;
  private int[] order = new int[64];
  /** A decoded string value that held escapes. */
  private char[] text = new char[256];

  CanonicalWriter(StreamReadConstraints limits) {
    this.maxDepth = limits.getMaxNestingDepth();
    this.maxNumberLength = limits.getMaxNumberLength();
    this.maxStringLength = limits.getMaxStringLength();
    this.maxNameLength = limits.getMaxNameLength();
  }

  /** Writes {@code json}'s canonical form into {@link #bytes()}; false if declined (see the class comment). */
  boolean write(String json) {
    int n = json.length();
    dropHugeBuffers();
    if (in.length < n + 1) {
      in = new char[Math.max(n + 1, Math.min(2 * in.length, MAX_KEPT))];
    }
    json.getChars(0, n, in, 0);
    in[n] = 0;
    end = n;
    pos = 0;
    length = 0;
    decodedTop = n + 1;
    membersTop = 0;
    replacedSurrogate = false;
    try {
      skipSpace();
      value(0);
      skipSpace();
      return pos == end;
    } catch (Declined e) {
      return false;
    }
  }

  /** The canonical UTF-8 of the last document {@link #write} accepted: its first {@link #length()} bytes. */
  byte[] bytes() {
    return out;
  }

  int length() {
    return length;
  }

  /** Whether the last document had a lone surrogate, written as {@code ?} as {@code String.getBytes} does. */
  boolean replacedSurrogate() {
    return replacedSurrogate;
  }

  private void dropHugeBuffers() {
    if (in.length > MAX_KEPT) {
      in = new char[INITIAL];
    }
    if (out.length > MAX_KEPT) {
      out = new byte[INITIAL];
    }
    if (scratch.length > MAX_KEPT) {
      scratch = new byte[INITIAL];
    }
    if (members.length > MAX_KEPT / 4) {
      members = new int[256];
      prefixes = new long[128];
    }
    if (order.length > MAX_KEPT / 4) {
      order = new int[64];
    }
    if (text.length > MAX_KEPT / 2) {
      text = new char[256];
    }
  }

  private void skipSpace() {
    char c;
    while ((c = in[pos]) <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      pos++;
    }
  }

  private void value(int depth) {
    char c = in[pos];
    switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          number();
        } else {
          throw Declined.INSTANCE;
        }
      }
    }
  }

  /** Writes {@code word} ({@code true}, {@code false}, {@code null}), which must be at pos. */
  private void literal(String word) {
    char[] s = in;
    int n = word.length();
    for (int i = 0; i < n; i++) { // stops at the end mark
      if (s[pos + i] != word.charAt(i)) {
        throw Declined.INSTANCE;
      }
    }
    ensure(n);
    for (int i = 0; i < n; i++) {
      out[length++] = (byte) word.charAt(i);
    }
    pos += n;
  }

  private void number() {
    char[] s = in;
    int start = pos;
    int p = start;
    if (s[p] == '-') {
      p++;
    }
    char c = s[p];
    if (c == '0') {
      p++;
      if (isDigit(s[p])) {
        throw Declined.INSTANCE; // a leading zero
      }
    } else if (c >= '1' && c <= '9') {
      p++;
      while (isDigit(s[p])) {
        p++;
      }
    } else {
      throw Declined.INSTANCE;
    }
    if (s[p] == '.') {
      p++;
      if (!isDigit(s[p])) {
        throw Declined.INSTANCE;
      }
      while (isDigit(s[p])) {
        p++;
      }
    }
    if (s[p] == 'e' || s[p] == 'E') {
      p++;
      if (s[p] == '+' || s[p] == '-') {
        p++;
      }
      if (!isDigit(s[p])) {
        throw Declined.INSTANCE;
      }
      while (isDigit(s[p])) {
        p++;
      }
    }
    int n = p - start;
    if (n > maxNumberLength) {
      throw Declined.INSTANCE;
    }
    ensure(n);
    ascii(start, p);
    pos = p;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void array(int depth) {
    if (depth > maxDepth) {
      throw Declined.INSTANCE;
    }
    pos++;
    ensure(1);
    out[length++] = '[';
    skipSpace();
    if (in[pos] == ']') {
      pos++;
    } else {
      while (true) {
        value(depth);
        skipSpace();
        char c = in[pos++];
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw Declined.INSTANCE;
        }
        ensure(1);
        out[length++] = ',';
        skipSpace();
      }
    }
    ensure(1);
    out[length++] = ']';
  }

  private void object(int depth) {
    if (depth > maxDepth) {
      throw Declined.INSTANCE;
    }
    pos++;
    ensure(1);
    out[length++] = '{';
    int from = length;
    int base = membersTop;
    int decodedBase = decodedTop;
    skipSpace();
    if (in[pos] == '}') {
      pos++;
    } else {
      boolean ordered = true;
      while (true) {
        if (in[pos] != '"') {
          throw Declined.INSTANCE;
        }
        int start = length;
        key();
        int memberKeyStart = keyStart;
        int memberKeyLength = keyLength;
        skipSpace();
        if (in[pos] != ':') {
          throw Declined.INSTANCE;
        }
        pos++;
        ensure(1);
        out[length++] = ':';
        skipSpace();
        value(depth);
        if (membersTop + 4 > members.length) {
          members = Arrays.copyOf(members, 2 * members.length);
          prefixes = Arrays.copyOf(prefixes, members.length / 2);
        }
        int m = membersTop;
        prefixes[m >> 1] = prefix(memberKeyStart, memberKeyLength);
        prefixes[(m >> 1) + 1] = prefix(memberKeyStart + 4, memberKeyLength - 4);
        members[m] = memberKeyStart;
        members[m + 1] = memberKeyLength;
        members[m + 2] = start;
        members[m + 3] = length;
        if (ordered && m > base && compareKeys(m - 4, m) >= 0) {
          ordered = false;
        }
        membersTop = m + 4;
        skipSpace();
        char c = in[pos++];
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw Declined.INSTANCE;
        }
        ensure(1);
        out[length++] = ',';
        skipSpace();
      }
      if (!ordered) {
        reorder(base, from);
      }
    }
    ensure(1);
    out[length++] = '}';
    membersTop = base;
    decodedTop = decodedBase;
  }

  /** The characters {@code in[start, start + n)}, at most four, in one number, missing ones as 0. */
  private long prefix(int start, int n) {
    char[] k = in;
    if (n >= 4) {
      return (long) k[start] << 48 | (long) k[start + 1] << 32 | (long) k[start + 2] << 16 | k[start + 3];
    }
    long prefix = 0;
    for (int i = 0; i < 4; i++) {
      prefix = prefix << 16 | (i < n ? k[start + i] : 0);
    }
    return prefix;
  }

  /** Orders by key (UTF-16 code units, as {@code String.compareTo}) the members at {@code m} and {@code o}. */
  private int compareKeys(int m, int o) {
    long[] p = prefixes;
    int byPrefix = Long.compareUnsigned(p[m >> 1], p[o >> 1]);
    if (byPrefix != 0) {
      return byPrefix;
    }
    byPrefix = Long.compareUnsigned(p[(m >> 1) + 1], p[(o >> 1) + 1]);
    if (byPrefix != 0) {
      return byPrefix;
    }
    char[] k = in;
    int a = members[m];
    int aLength = members[m + 1];
    int b = members[o];
    int bLength = members[o + 1];
    int n = Math.min(aLength, bLength);
    for (int i = Math.min(8, n); i < n; i++) { // the first eight are equal
      char x = k[a + i];
      char y = k[b + i];
      if (x != y) {
        return x - y;
      }
    }
    return aLength - bLength;
  }

  /**
   * Rewrites the members of the object at the top of the stacks (from {@code base}; their text from
   * {@code from} in out) sorted by key; of a repeated key only the last member stays, as in a map.
   */
  private void reorder(int base, int from) {
    int count = (membersTop - base) / 4;
    if (order.length < count) {
      order = new int[Math.max(count, 2 * order.length)];
    }
    int[] sorted = order;
    for (int i = 0; i < count; i++) {
      sorted[i] = base + 4 * i;
    }
    boolean repeated = true; // unless the insertion sort saw every key differ
    if (count <= INSERTION_SORT_MAX) {
      repeated = false;
      for (int i = 1; i < count; i++) { // binary insertion, stable: repeated keys stay in arrival order
        int m = sorted[i];
        int low = 0;
        int high = i;
        while (low < high) {
          int middle = (low + high) >>> 1;
          int byKey = compareKeys(sorted[middle], m);
          if (byKey > 0) {
            high = middle;
          } else {
            repeated |= byKey == 0; // an equal key ends left of m, and is compared on the way
            low = middle + 1;
          }
        }
        System.arraycopy(sorted, low, sorted, low + 1, i - low);
        sorted[low] = m;
      }
    } else {
      Integer[] boxed = new Integer[count];
      for (int i = 0; i < count; i++) {
        boxed[i] = sorted[i];
      }
      Arrays.sort(boxed, this::compareKeys); // stable
      for (int i = 0; i < count; i++) {
        sorted[i] = boxed[i];
      }
    }
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    byte[] s = scratch;
    int n = from; // the members are written at the same place in scratch
    for (int i = 0; i < count; i++) {
      int m = sorted[i];
      if (repeated && i + 1 < count && compareKeys(m, sorted[i + 1]) == 0) {
        continue; // a later member with the same key wins
      }
      if (n > from) {
        s[n++] = ',';
      }
      int start = members[m + 2];
      int memberLength = members[m + 3] - start;
      System.arraycopy(out, start, s, n, memberLength);
      n += memberLength;
    }
    if (from == 1) { // the document's own object, all of out: the buffers trade places
      s[0] = '{';
      scratch = out;
      out = s;
    } else {
      System.arraycopy(s, from, out, from, n - from);
    }
    length = n;
  }

  /**
   * Reads the key at pos and writes it quoted (its colon is left to the caller); {@link #keyStart} and
   * {@link #keyLength} say where its decoded characters are.
   */
  private void key() {
    int start = pos + 1;
    int p = plainRun(start, maxNameLength);
    if (p < 0) {
      keyStart = start;
      keyLength = -p - 1 - start;
      return;
    }
    int close = closingQuote(p);
    if (close - start > maxNameLength) {
      throw Declined.INSTANCE;
    }
    if (hasBackslash(p, close)) {
      if (decodedTop + close - start > in.length) {
        in = Arrays.copyOf(in, Math.max(decodedTop + close - start, 2 * in.length));
      }
      keyStart = decodedTop;
      keyLength = decode(start, close, in, decodedTop, true);
      decodedTop += keyLength;
      quoted(in, keyStart, decodedTop, true);
    } else {
      keyStart = start;
      keyLength = close - start;
      quoted(in, start, close, false);
    }
    pos = close + 1;
  }

  private void string() {
    int start = pos + 1;
    int p = plainRun(start, maxStringLength);
    if (p < 0) {
      return;
    }
    int close = closingQuote(p);
    if (close - start > maxStringLength) {
      throw Declined.INSTANCE;
    }
    if (hasBackslash(p, close)) {
      if (text.length < close - start) {
        text = new char[Math.max(close - start, 2 * text.length)];
      }
      int decoded = decode(start, close, text, 0, false);
      quoted(text, 0, decoded, true);
    } else {
      quoted(in, start, close, false);
    }
    pos = close + 1;
  }

  /**
   * The fast path of {@link #key()} and {@link #string()}: writes the opening quote and the plain-ASCII run
   * of the string whose text starts at {@code start}. When that run is the whole string (no escape, control
   * or non-ASCII character), writes the closing quote too, moves past it, and returns {@code -1 -
   * closingQuote}; otherwise returns where the run stopped, with nothing written ({@link #length}
   * unchanged, so that the slow path starts over).
   */
  private int plainRun(int start, int maxLength) {
    char[] s = in;
    ensure(end - start + 2); // room for the string if it is plain ASCII: no longer than the rest of the text
    byte[] o = out;
    int n = length;
    o[n++] = '"';
    int p = start;
    char c;
    while ((c = s[p]) >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      o[n++] = (byte) c;
      p++;
    }
    if (c != '"') {
      return p;
    }
    if (p - start > maxLength) {
      throw Declined.INSTANCE;
    }
    o[n++] = '"';
    length = n;
    pos = p + 1;
    return -1 - p;
  }

  /** The closing quote of the string whose text runs on at {@code p}; declines an unescaped control. */
  private int closingQuote(int p) {
    char[] s = in;
    while (true) {
      char c = s[p];
      if (c == '"') {
        return p;
      }
      if (c == '\\') {
        if (p + 1 >= end) {
          throw Declined.INSTANCE;
        }
        p += 2;
      } else if (c < 0x20) {
        throw Declined.INSTANCE; // includes the end mark
      } else {
        p++;
      }
    }
  }

  private boolean hasBackslash(int from, int to) {
    for (int i = from; i < to; i++) {
      if (in[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * Decodes the escapes of the string text {@code in[from, to)} into {@code into} at {@code at}; its length.
   * In a {@code name}, as Jackson requires there, an escaped high surrogate must be followed by an escaped
   * low one, and an escaped low surrogate must follow an escaped high one.
   */
  private int decode(int from, int to, char[] into, int at, boolean name) {
    char[] s = in;
    int d = at;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c != '\\') {
        into[d++] = c;
        continue;
      }
      char e = s[++i];
      switch (e) {
        case '"', '\\', '/' -> into[d++] = e;
        case 'b' -> into[d++] = '\b';
        case 'f' -> into[d++] = '\f';
        case 'n' -> into[d++] = '\n';
        case 'r' -> into[d++] = '\r';
        case 't' -> into[d++] = '\t';
        case 'u' -> {
          char value = hex4(i + 1);
          i += 4;
          if (name && Character.isSurrogate(value)) {
            if (Character.isLowSurrogate(value) || s[i + 1] != '\\' || s[i + 2] != 'u') {
              throw Declined.INSTANCE;
            }
            char low = hex4(i + 3);
            if (!Character.isLowSurrogate(low)) {
              throw Declined.INSTANCE;
            }
            into[d++] = value;
            value = low;
            i += 6;
          }
          into[d++] = value;
        }
        default -> throw Declined.INSTANCE;
      }
    }
    return d - at;
  }

  /** The four hex digits at {@code p} (reading stops at the first other character: the closing quote). */
  private char hex4(int p) {
    int value = 0;
    for (int k = 0; k < 4; k++) {
      int digit = hexDigit(in[p + k]);
      if (digit < 0) {
        throw Declined.INSTANCE;
      }
      value = value << 4 | digit;
    }
    return (char) value;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Writes the characters {@code text[from, to)} quoted, as UTF-8; re-escaped when {@code escape}. */
  private void quoted(char[] text, int from, int to, boolean escape) {
    ensure((escape ? 6 : 3) * (to - from) + 2);
    byte[] o = out;
    int n = length;
    o[n++] = '"';
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < 0x80) {
        byte escaped = escape ? ESCAPES[c] : 0;
        if (escaped == 0) {
          o[n++] = (byte) c;
        } else if (escaped > 0) {
          o[n++] = '\\';
          o[n++] = escaped;
        } else {
          o[n++] = '\\';
          o[n++] = 'u';
          o[n++] = '0';
          o[n++] = '0';
          o[n++] = HEX[c >> 4];
          o[n++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        o[n++] = (byte) (0xC0 | c >> 6);
        o[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(low = text[i + 1])) {
          int cp = Character.toCodePoint(c, low);
          o[n++] = (byte) (0xF0 | cp >> 18);
          o[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
          o[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
          o[n++] = (byte) (0x80 | cp & 0x3F);
          i++;
        } else {
          o[n++] = '?';
          replacedSurrogate = true;
        }
      } else {
        o[n++] = (byte) (0xE0 | c >> 12);
        o[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        o[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    o[n++] = '"';
    length = n;
  }

  /** Copies the ASCII characters {@code in[from, to)} to out (room ensured by the caller). */
  private void ascii(int from, int to) {
    char[] s = in;
    byte[] o = out;
    int n = length;
    for (int i = from; i < to; i++) {
      o[n++] = (byte) s[i];
    }
    length = n;
  }

  private void ensure(int n) {
    if (length + n > out.length) {
      out = Arrays.copyOf(out, Math.max(length + n, 2 * out.length));
    }
  }

  /** Unwinds the scanner when it declines; no stack trace (it is thrown in the normal course). */
  private static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Declined INSTANCE = new Declined();

    private Declined() {
      super("declined", null, false, false);
    }
  }
}
