package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.RawJson;
import java.io.IOException;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The reader's allocation-free fast paths (times and durations from Jackson's character buffer, Kore's
 * qualifications, unknown plain strings quoted without a generator) answer exactly as the general ones.
 */
class FastPathsTest {

  private static char[] padded(String text, int before) {
    char[] buf = new char[before + text.length() + 3];
    java.util.Arrays.fill(buf, '9');
    text.getChars(0, text.length(), buf, before);
    return buf;
  }

  @Test
  void instantsFromABufferAtAnyOffsetEqualTheStringForm() {
    qt().withExamples(300)
        .forAll(
            SourceDSL.longs().between(0, 253_402_300_799L),
            SourceDSL.integers().between(0, 999_999_999),
            SourceDSL.integers().between(-18 * 4, 18 * 4),
            SourceDSL.integers().between(0, 7))
        .checkAssert((seconds, nanos, quarterHours, before) -> {
          Instant instant = Instant.ofEpochSecond(seconds, nanos / 1000 * 1000);
          String text = OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(quarterHours * 900))
              .toString();
          Instant fromBuffer = FastTime.parseUtc(padded(text, before), before, text.length());
          assertThat(fromBuffer).isEqualTo(FastTime.parseUtc(text));
          if (fromBuffer != null) {
            assertThat(fromBuffer).isEqualTo(OffsetDateTime.parse(text).toInstant());
          }
        });
  }

  @Test
  void calendarRulesMatchJavaTime() {
    for (String date : List.of("2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "1900-02-28", "0000-02-29",
        "2024-04-31", "2024-04-30", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-00", "9999-12-31")) {
      for (String time : List.of("00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60")) {
        for (String zone : List.of("", "Z", "+18:00", "-18:00", "+18:30", "+05:45", "-00:00")) {
          String text = date + "T" + time + zone;
          Instant expected;
          try {
            expected = zone.isEmpty()
                ? LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC)
                : OffsetDateTime.parse(text).toInstant();
          } catch (DateTimeException e) {
            expected = null;
          }
          assertThat(FastTime.parseUtc(text)).as(text).isEqualTo(expected);
          assertThat(FastTime.parseUtc(padded(text, 2), 2, text.length())).as(text).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void millisecondsFromABufferEqualTheStringForm() {
    for (String text : List.of("118182 milliseconds", "0 milliseconds", " milliseconds", "1.5 milliseconds",
        "-5 milliseconds", "1234567890123456 milliseconds", "123456789012345 milliseconds", "12 millisecondz",
        "12 milliseconds ", "12  milliseconds", "milliseconds", "")) {
      assertThat(FastTime.parseMilliseconds(padded(text, 3), 3, text.length()))
          .as(text)
          .isEqualTo(FastTime.parseMilliseconds(text));
    }
    assertThat(FastTime.parseMilliseconds(padded("42 milliseconds", 1), 1, 15)).isEqualTo(Duration.ofMillis(42));
  }

  @Test
  void qualificationsReadLikeQualificationParse() {
    List<String> texts = List.of("YES", "NO", "NA", "yes", "No", "na", " YES", "N/A", "N", "Y", "-", "NOT APPLICABLE",
        "NX", "YEZ", "MAYBE", "");
    StringBuilder metrics = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      metrics.append(i == 0 ? "" : ",")
          .append("{\"Metric Name\":\"m").append(i).append("\",\"Metric Weight\":1,\"Qualification\":\"")
          .append(texts.get(i)).append("\"}");
    }
    Interaction x = Io.read("{\"Conversation ID\":\"c-1\",\"Metrics\":[" + metrics + "]}").get(0);
    assertThat(x.metrics()).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Qualification expected = Qualification.parse(texts.get(i));
      assertThat(x.metrics().get(i).qualification()).as(texts.get(i)).isEqualTo(expected);
    }
  }

  @Test
  void unknownStringsAreKeptExactlyAsTheGeneratorWritesThem() throws IOException {
    List<String> values = List.of("plain text", "a/b", "", "quote \" inside", "back\\slash", "tab\there", "line\nbreak",
        "caf\u00e9", "emoji \ud83d\ude00", "\u007f del", "~!@#$%^&*()_+{}|:<>?`-=[];',.");
    StringBuilder record = new StringBuilder("{\"Conversation ID\":\"c-1\"");
    for (int i = 0; i < values.size(); i++) {
      record.append(",\"x").append(i).append("\":").append(json(values.get(i)));
    }
    record.append(",\"Metrics\":[{\"Metric Name\":\"m\",\"Metric Weight\":1,\"Qualification\":\"YES\",\"why\":")
        .append(json("it's \"fine\"")).append("}]}");
    Interaction x = Io.read(record.toString()).get(0);
    for (int i = 0; i < values.size(); i++) {
      assertThat(x.extras().get("x" + i)).as(values.get(i)).contains(RawJson.of(json(values.get(i))));
    }
    assertThat(x.metrics().get(0).extras().get("why")).contains(RawJson.of(json("it's \"fine\"")));
  }

  /** The string as korescore's own generator writes it. */
  private static String json(String value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = KoreJson.mapper().getFactory().createGenerator(out)) {
      g.writeString(value);
    }
    return out.toString();
  }
}
