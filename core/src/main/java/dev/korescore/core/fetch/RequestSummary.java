package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

/**
 * What a failed request was, safe to print: method, path (ids only), window and page. It never holds a
 * header, a token or a secret.
 *
 * @param page 1-based page, or 0 when not about a page
 */
public record RequestSummary(String method, String path, String window, int page) {
  public RequestSummary {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(window, "window");
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0, was " + page);
    }
  }

  @Override
  public String toString() {
    return method + " " + path + (window.isEmpty() ? "" : " window " + window) + (page > 0 ? " page " + page : "");
  }
}
