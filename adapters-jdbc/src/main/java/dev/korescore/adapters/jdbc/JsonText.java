package dev.korescore.adapters.jdbc;

import java.io.IOException;
import java.io.Writer;

/** JSON string escaping for the JSON Lines export (the store has no JSON library; values are plain). */
final class JsonText {
  private JsonText() {}

  static void writeString(String value, Writer out) throws IOException {
    out.write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.write(String.format("\\u%04x", (int) c));
          } else {
            out.write(c);
          }
        }
      }
    }
    out.write('"');
  }

  /** A JSON document on one line: line breaks, which JSON allows only between tokens, become spaces. */
  static String oneLine(String json) {
    if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
      return json;
    }
    return json.replace('\n', ' ').replace('\r', ' ');
  }
}
