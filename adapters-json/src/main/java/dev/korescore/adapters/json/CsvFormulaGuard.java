package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Keeps a CSV text cell from being read as a formula by a spreadsheet (CSV or formula injection), as
 * OWASP recommends: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading single quote ({@code '}), which spreadsheets show as text. A plain
 * number ({@code -12}, {@code +3.5}, {@code -1e-3}) is left alone, so negative scores stay numbers, and
 * so is a lone {@code -} (Kore's mark for a manually evaluated metric: nothing to compute).
 * Quoting and escaping the cell is the CSV writer's job; this is a pure function of the cell's text.
 *
 * <p>The guard changes the text: a consumer that wants the cells exactly as in the data (another program,
 * not a person with a spreadsheet) turns it off ({@code korescore audit --csv-raw}).
 */
public final class CsvFormulaGuard {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvFormulaGuard() {}

  /** {@code cell}, with a leading {@code '} when a spreadsheet would take it for a formula. */
  public static String neutralise(String cell) {
    requireNonNull(cell, "cell");
    if (cell.isEmpty() || !triggers(cell.charAt(0)) || cell.equals("-") || PLAIN_NUMBER.matcher(cell).matches()) {
      return cell;
    }
    return "'" + cell;
  }

  /** True when a spreadsheet would read a cell starting with {@code c} as a formula. */
  static boolean triggers(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
