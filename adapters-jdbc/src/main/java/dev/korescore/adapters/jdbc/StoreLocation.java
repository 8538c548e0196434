package dev.korescore.adapters.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a store is: a DuckDB file (a path, or {@code jdbc:duckdb:PATH}) or a PostgreSQL database
 * ({@code jdbc:postgresql://...}). {@link #toString()} is safe to print: a password in the URL (as
 * {@code user:password@} or a {@code password=} parameter) is replaced by {@code ***}.
 */
record StoreLocation(Dialect dialect, String jdbcUrl, Path file) {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:[?&;])password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

  StoreLocation {
    requireNonNull(dialect, "dialect");
    requireNonNull(jdbcUrl, "jdbcUrl");
  }

  static StoreLocation parse(String text) {
    requireNonNull(text, "store");
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("the store must be a DuckDB file or a jdbc:postgresql:// URL, was empty");
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new StoreLocation(Dialect.POSTGRESQL, trimmed, null);
    }
    if (lower.startsWith("jdbc:duckdb:")) {
      String path = trimmed.substring("jdbc:duckdb:".length());
      if (path.isEmpty() || path.startsWith(":memory:")) {
        throw new IllegalArgumentException("a store must be a DuckDB file, not an in-memory database: " + trimmed);
      }
      return duckdb(Path.of(path));
    }
    if (lower.startsWith("jdbc:")) {
      throw new IllegalArgumentException("unsupported store '" + redact(trimmed)
          + "': use a DuckDB file (korescore.duckdb) or jdbc:postgresql://HOST/DB");
    }
    return duckdb(Path.of(trimmed));
  }

  private static StoreLocation duckdb(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return new StoreLocation(Dialect.DUCKDB, "jdbc:duckdb:" + absolute, absolute);
  }

  static String redact(String url) {
    String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(withoutParameter).replaceAll("$1***@");
  }

  @Override
  public String toString() {
    return file != null ? file.toString() : redact(jdbcUrl);
  }
}
