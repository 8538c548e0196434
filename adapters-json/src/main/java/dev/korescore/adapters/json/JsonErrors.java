package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Says what is wrong with malformed input in the user's words: Jackson's messages name its features,
 * limits and classes ({@code JsonReadFeature}, {@code StreamReadConstraints}, {@code [Source: ...]}), which
 * mean nothing to someone holding a Kore export. One home for that translation, tested message by message.
 */
final class JsonErrors {
  private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
  private static final Pattern LIMIT = Pattern.compile(
      "(String value|Number value|Name|Document nesting depth|Document length|Token count)[^(]*\\((\\d+)\\) exceeds the"
          + " maximum allowed \\((\\d+).*",
      Pattern.DOTALL);
  private static final Pattern CONTROL =
      Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);
  private static final Pattern UNEXPECTED =
      Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)[^)]*\\)\\):?(.*)", Pattern.DOTALL);
  private static final Pattern CLOSE =
      Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);
  private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8 (?:start|middle) byte (0x[0-9a-fA-F]+).*",
      Pattern.DOTALL);
  private static final Pattern BACKTICKED = Pattern.compile("\\s*\\(?[^()]*`[^`]*`[^()]*\\)?");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: .*?\\]");

  private JsonErrors() {}

  /** What is wrong with the JSON, without the place (the caller names it). */
  static String describe(JsonProcessingException e) {
    return describe(e.getOriginalMessage());
  }

  static String describe(String jackson) {
    if (jackson == null || jackson.isBlank()) {
      return "malformed JSON";
    }
    Matcher m = NON_NUMBER.matcher(jackson);
    if (m.matches()) {
      return m.group(1) + " is not a JSON number";
    }
    m = LIMIT.matcher(jackson);
    if (m.matches()) {
      long found = Long.parseLong(m.group(2));
      long limit = Long.parseLong(m.group(3));
      switch (m.group(1)) {
        case "String value":
          return String.format(Locale.ROOT, "a string of %,d characters exceeds the limit of %,d", found, limit);
        case "Number value":
          return String.format(Locale.ROOT, "a number of %,d digits exceeds the limit of %,d", found, limit);
        case "Name":
          return String.format(Locale.ROOT, "a key of %,d characters exceeds the limit of %,d", found, limit);
        case "Document nesting depth":
          return String.format(Locale.ROOT, "the JSON nests %,d levels deep, more than the limit of %,d", found, limit);
        case "Document length":
          return String.format(Locale.ROOT, "a document of %,d characters exceeds the limit of %,d", found, limit);
        default:
          return String.format(Locale.ROOT, "a document of %,d tokens exceeds the limit of %,d", found, limit);
      }
    }
    m = CONTROL.matcher(jackson);
    if (m.matches()) {
      int code = Integer.parseInt(m.group(1));
      if (code == '\n' || code == '\r') {
        return "a line break inside a string: the record is cut short";
      }
      return String.format(Locale.ROOT, "control character U+%04X inside a string must be escaped", code);
    }
    if (jackson.startsWith("Unexpected end-of-input")) {
      return "the input ends inside a record: the record is cut short";
    }
    m = UNRECOGNIZED.matcher(jackson);
    if (m.matches()) {
      String word = m.group(1);
      return "'" + (word.length() > 40 ? word.substring(0, 40) + "..." : word) + "' is not JSON";
    }
    m = UNEXPECTED.matcher(jackson);
    if (m.matches()) {
      int code = Integer.parseInt(m.group(2));
      if (code == 0xFEFF) {
        return "a stray byte order mark (U+FEFF) where JSON should be";
      }
      String what = code < 0x20 || code == 0x7f
          ? String.format(Locale.ROOT, "control character U+%04X", code)
          : "'" + m.group(1) + "'";
      return "unexpected " + what + where(m.group(3));
    }
    m = CLOSE.matcher(jackson);
    if (m.matches()) {
      return "unexpected '" + m.group(1) + "' where '" + m.group(2) + "' should close";
    }
    m = UTF8.matcher(jackson);
    if (m.matches()) {
      return "invalid UTF-8 byte " + m.group(1).toUpperCase(Locale.ROOT).replace("0X", "0x");
    }
    if (jackson.startsWith("Leading zeroes not allowed") || jackson.startsWith("Invalid numeric value")) {
      return "not a JSON number: " + plain(jackson);
    }
    return plain(jackson);
  }

  /** What Jackson expected, in words. */
  private static String where(String expectation) {
    String e = expectation.toLowerCase(Locale.ROOT);
    if (e.contains("double-quote to start field name")) {
      return " where a quoted key should be";
    }
    if (e.contains("comma to separate object entries")) {
      return " where ',' or '}' should be";
    }
    if (e.contains("comma to separate array entries")) {
      return " where ',' or ']' should be";
    }
    if (e.contains("colon to separate field name and value")) {
      return " where ':' should be";
    }
    if (e.contains("valid value") || e.contains("json string, number, array, object")) {
      return " where a value should be";
    }
    return "";
  }

  /** Jackson's message without its feature names, limits' accessors and source descriptions. */
  private static String plain(String jackson) {
    String text = jackson.replace('\r', ' ').replace('\n', ' ');
    text = SOURCE.matcher(text).replaceAll("");
    text = BACKTICKED.matcher(text).replaceAll("");
    text = text.replaceAll("\\s*(?:at )?\\[Source:.*$", "").strip();
    if (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      return "malformed JSON";
    }
    String lower = Character.toLowerCase(text.charAt(0)) + text.substring(1);
    return lower.length() > 200 ? lower.substring(0, 200) + "..." : lower;
  }

  /** Why an input could not be read, in words: a gzip stream cut short, corrupt data, a failing disk. */
  static String describe(IOException e) {
    if (e instanceof EOFException) {
      String message = String.valueOf(e.getMessage());
      return message.contains("ZLIB") || message.toLowerCase(Locale.ROOT).contains("gzip")
          ? "the gzip data is cut short"
          : "the input ends early";
    }
    if (e instanceof ZipException) {
      return "the gzip data is corrupt (" + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT) + ")";
    }
    if (e instanceof CharacterCodingException) {
      return "the input is not valid text in its encoding";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "the input could not be read" : message.replace('\n', ' ');
  }
}
