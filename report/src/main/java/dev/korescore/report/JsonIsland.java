package dev.korescore.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny JSON writer for the page's data island ({@code <script type="application/json">}). Besides
 * JSON's own escapes it writes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \\uXXXX},
 * so that no data can close the script element, open a comment, or break a JavaScript parser.
 * Values: {@code null}, {@link Optional}, {@link String}, {@link Boolean}, {@link Number}, {@link Map}
 * with string keys, {@link List}.
 */
final class JsonIsland {
  private JsonIsland() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object value) {
    if (value instanceof Optional<?> optional) {
      append(sb, optional.orElse(null));
    } else if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (value instanceof java.math.BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (value instanceof Long || value instanceof Integer) {
      sb.append(value);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("JSON has no number for " + d);
      }
      sb.append(d);
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, (String) e.getKey());
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, list.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(sb, c);
        default -> {
          if (c < 0x20) {
            unicode(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void unicode(StringBuilder sb, char c) {
    sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
  }
}
