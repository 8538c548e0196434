package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FastTimeTest {

  @Test
  void parsesKoresTwoInstantFormsLikeInstantParse() {
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.722Z")).isEqualTo(Instant.parse("2024-07-18T11:31:14.722Z"));
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14Z")).isEqualTo(Instant.parse("2024-07-18T11:31:14Z"));
  }

  @Test
  void leavesEverythingElseToTheGeneralParser() {
    assertThat(FastTime.parseUtc("2024-02-30T11:31:14.722Z")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.Z")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.1234567891Z")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14+25:00")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14+0100")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14 Z")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T1a:31:14.722Z")).isNull();
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14,722Z")).isNull();
  }

  @Test
  void parsesOffsetsFractionsAndTheSpaceFormLikeJavaTime() {
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.722+01:30")).isEqualTo(Instant.parse("2024-07-18T10:01:14.722Z"));
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14-05:00")).isEqualTo(Instant.parse("2024-07-18T16:31:14Z"));
    assertThat(FastTime.parseUtc("2024-07-18 11:31:14")).isEqualTo(Instant.parse("2024-07-18T11:31:14Z"));
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.5Z")).isEqualTo(Instant.parse("2024-07-18T11:31:14.500Z"));
    assertThat(FastTime.parseUtc("2024-07-18T11:31:14.123456789Z"))
        .isEqualTo(Instant.parse("2024-07-18T11:31:14.123456789Z"));
  }

  @Test
  void parsesMillisecondsText() {
    assertThat(FastTime.parseMilliseconds("118182 milliseconds")).isEqualTo(Duration.ofMillis(118182));
    assertThat(FastTime.parseMilliseconds("0 milliseconds")).isEqualTo(Duration.ZERO);
    assertThat(FastTime.parseMilliseconds(" milliseconds")).isNull();
    assertThat(FastTime.parseMilliseconds("1.5 milliseconds")).isNull();
    assertThat(FastTime.parseMilliseconds("-5 milliseconds")).isNull();
    assertThat(FastTime.parseMilliseconds("1234567890123456 milliseconds")).isNull();
  }

  @Test
  void otherDurationAndTimeFormsStillRead() {
    String text =
        "{\"conversationId\":\"c\",\"Duration\":\"2 s\",\"Conversation Start Time\":\"2024-07-18T13:31:14+02:00\","
            + "\"Conversation End Time\":1721302274722}\n"
            + "{\"conversationId\":\"d\",\"Duration\":\"PT1M\"}\n{\"conversationId\":\"e\",\"Duration\":\"250\"}";

    var read = Io.read(text);

    assertThat(read.get(0).duration()).contains(Duration.ofSeconds(2));
    assertThat(read.get(0).startTime()).contains(Instant.parse("2024-07-18T11:31:14Z"));
    assertThat(read.get(0).endTime()).contains(Instant.ofEpochMilli(1721302274722L));
    assertThat(read.get(1).duration()).contains(Duration.ofMinutes(1));
    assertThat(read.get(2).duration()).contains(Duration.ofMillis(250));
  }
}
