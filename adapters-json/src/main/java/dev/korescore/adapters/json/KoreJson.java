package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Korescore's Jackson configuration, in one place: build the mapper once at the composition root and
 * share it (the HTTP adapter takes it for Retrofit's {@code JacksonConverterFactory}).
 *
 * <p>The mapper has the {@link JavaTimeModule}, writes dates as ISO-8601 text (never timestamps), reads
 * floating-point numbers as {@link java.math.BigDecimal} (scores stay exact), ignores unknown properties
 * (Kore adds fields between versions) and keeps source locations out of error messages.
 */
public final class KoreJson {
  private KoreJson() {}

  /** A new, fully configured {@link JsonMapper}; it is thread-safe, so build one and share it. */
  public static JsonMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /**
   * A new {@link CsvMapper} configured like {@link #mapper()}, quoting every text value so that leading
   * and trailing spaces (Kore's queue names carry them) survive any CSV reader.
   */
  public static CsvMapper csvMapper() {
    return CsvMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
        .build();
  }
}
