package dev.korescore.cli.fetch;

/**
 * What a download has done so far, read by another thread (the interruption's line): records written
 * by this run, the windows saved (checkpointed), earlier runs' windows included.
 */
final class DownloadCount {
  private volatile long records;
  private volatile int windowsSaved;
  private volatile int windows;

  void start(int totalWindows, int alreadySaved) {
    windows = totalWindows;
    windowsSaved = alreadySaved;
  }

  void recordWritten() {
    records++;
  }

  void windowSaved() {
    windowsSaved++;
  }

  long records() {
    return records;
  }

  /** {@code interrupted after 412 records (3 of 7 windows saved)}. */
  String interrupted() {
    return "interrupted after " + records + " record" + (records == 1 ? "" : "s")
        + (windows == 0 ? "" : " (" + windowsSaved + " of " + windows + " windows saved)");
  }
}
