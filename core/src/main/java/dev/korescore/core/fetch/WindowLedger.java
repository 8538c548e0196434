package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * The completeness ledger of one window: what was asked, what the server said it had, what arrived.
 *
 * @param window the range asked
 * @param totalReported the server's {@code totalResults} (summed over the halves of a bisected
 *     window); empty when the server never said
 * @param received distinct records delivered from this window
 * @param duplicatesDropped records dropped because their conversation id was already delivered
 *     (repeated within this window's pages, or by an earlier window)
 * @param seenInEarlierWindows of the dropped, those first delivered by an earlier window (a record on
 *     a window boundary); they count towards this window's total
 * @param pages pages requested successfully
 * @param notes anomalies: a repeated or empty page, a page guard hit, totals that changed, a bisection
 * @param outsideWindow records the server returned whose conversation started outside the window
 *     asked ({@code [start, end)}; Kore's end bound is inclusive): not delivered, but part of the
 *     server's total
 */
public record WindowLedger(
    DateWindow window,
    OptionalLong totalReported,
    long received,
    long duplicatesDropped,
    long seenInEarlierWindows,
    int pages,
    List<String> notes,
    long outsideWindow) {
  public WindowLedger {
    requireNonNull(window, "window");
    requireNonNull(totalReported, "totalReported");
    notes = List.copyOf(requireNonNull(notes, "notes"));
    if (received < 0 || duplicatesDropped < 0 || pages < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, were received=" + received + " duplicatesDropped=" + duplicatesDropped
              + " pages=" + pages);
    }
    if (outsideWindow < 0) {
      throw new IllegalArgumentException("outsideWindow must be >= 0, was " + outsideWindow);
    }
    if (seenInEarlierWindows < 0 || seenInEarlierWindows > duplicatesDropped) {
      throw new IllegalArgumentException(
          "seenInEarlierWindows must be in [0, duplicatesDropped=" + duplicatesDropped + "], was "
              + seenInEarlierWindows);
    }
  }

  /** A ledger with no record outside the window. */
  public WindowLedger(
      DateWindow window,
      OptionalLong totalReported,
      long received,
      long duplicatesDropped,
      long seenInEarlierWindows,
      int pages,
      List<String> notes) {
    this(window, totalReported, received, duplicatesDropped, seenInEarlierWindows, pages, notes, 0);
  }

  /**
   * True when the server reported a total and the distinct records accounted for (delivered here,
   * already delivered by an earlier window, or outside the window asked) equal it.
   */
  public boolean complete() {
    return totalReported.isPresent()
        && totalReported.getAsLong() == received + seenInEarlierWindows + outsideWindow;
  }

  /** One line for a summary: window, total, received, duplicates, pages, verdict, notes. */
  public String describe() {
    return window
        + " total=" + (totalReported.isPresent() ? Long.toString(totalReported.getAsLong()) : "?")
        + " received=" + received
        + " duplicates=" + duplicatesDropped
        + (outsideWindow == 0 ? "" : " outside=" + outsideWindow)
        + " pages=" + pages
        + (complete() ? " complete" : " INCOMPLETE")
        + (notes.isEmpty() ? "" : " " + notes);
  }
}
