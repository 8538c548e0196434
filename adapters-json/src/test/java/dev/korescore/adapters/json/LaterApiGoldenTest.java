package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records in the later API versions' key styles (golden/later-api-styles.jsonl), value by value. */
class LaterApiGoldenTest {
  private List<Interaction> read;

  @BeforeEach
  void readGolden() {
    read = Io.read("later-api-styles.jsonl", Io.resource("later-api-styles.jsonl"));
  }

  @Test
  void readsEveryRecord() {
    assertThat(read)
        .extracting(x -> x.conversationId().value())
        .containsExactly("c-2025-0001", "c-2025-0002", "c-2025-0003", "c-2025-0004");
  }

  @Test
  void camelCaseRecordFields() {
    Interaction x = read.get(0);

    assertThat(x.channel()).contains("voice,chat");
    assertThat(x.startTime()).contains(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(x.endTime()).contains(Instant.parse("2025-03-01T10:05:00Z"));
    assertThat(x.duration()).contains(Duration.ofMinutes(5));
    assertThat(x.koreScore()).isEqualTo(KoreScore.of(25));
    assertThat(x.passScore()).isEqualTo(OptionalInt.of(60));
    assertThat(x.passed()).contains(false);
    assertThat(x.churnRiskObserved()).contains(true);
    assertThat(x.escalationObserved()).contains(false);
    assertThat(x.empathyScore()).contains(new BigDecimal("7.5"));
    assertThat(x.crutchWordScore()).contains(new BigDecimal("2"));
    assertThat(x.fatalErrorCount()).isEqualTo(OptionalInt.of(1));
    assertThat(x.durationStatus()).contains(DurationStatus.Known.EVALUATED);
    assertThat(x.evaluationFormName()).contains("Support QA ");
    assertThat(x.evaluationFormScoringType()).contains("points");
  }

  @Test
  void unknownFieldsSurviveAtEveryLevelWithTheirExactKeys() {
    Interaction x = read.get(0);

    assertThat(x.extras().asMap())
        .containsEntry("custom_fields", RawJson.of("{\"region\":\"EU\",\"tags\":[\"vip\",1,null]}"))
        .containsEntry("auditStatus", RawJson.of("null"))
        .hasSize(2);
    assertThat(x.agents().get(0).extras().get("team")).contains(RawJson.of("{\"name\":\"blue\",\"size\":4}"));
    assertThat(x.queues().get(0).extras().get("priority")).contains(RawJson.of("3"));
    assertThat(x.intents().get(0).extras().get("generated")).contains(RawJson.of("true"));
    assertThat(x.topics().get(0).extras().get("confidence")).contains(RawJson.of("0.910"));
    assertThat(x.metrics().get(1).extras().get("justification"))
        .contains(RawJson.of("\"Agent interrupted twice\""));
    assertThat(read.get(2).extras().get("include_below_threshold")).contains(RawJson.of("false"));
  }

  @Test
  void nestedObjectsInCamelCase() {
    Interaction x = read.get(0);

    Agent agent = x.agents().get(0);
    assertThat(agent.id()).contains("a-1");
    assertThat(agent.name()).contains("Ana ");
    assertThat(agent.email()).contains("ana@example.com");
    assertThat(agent.startTime()).contains(Instant.parse("2025-03-01T10:00:05Z"));
    Queue queue = x.queues().get(0);
    assertThat(queue.id()).contains("qu-1");
    assertThat(queue.name()).contains("Billing  ");
    Intent intent = x.intents().get(0);
    assertThat(intent.name()).isEqualTo("refund");
    assertThat(intent.keywords()).containsExactly("refund", "money back");
    assertThat(intent.emotions()).containsExactly("angry");
    assertThat(intent.sentiment()).contains("negative");
    assertThat(intent.sentimentScore()).contains(new BigDecimal("3.5"));
    assertThat(x.topics().get(0).name()).isEqualTo("billing");
    assertThat(x.topics().get(0).keywords()).isEmpty();
  }

  @Test
  void metricsInAnyCaseWithManualNaNegativeWeightsFatalAndUnrecognisedValues() {
    List<Metric> metrics = read.get(0).metrics();

    assertThat(metrics)
        .extracting(Metric::name, Metric::weight, Metric::negativeWeight, Metric::qualification, Metric::fatal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Greeting", 20L, 0L, Answer.YES, false),
            org.assertj.core.groups.Tuple.tuple("Rudeness", 30L, 10L, Answer.NO, true),
            org.assertj.core.groups.Tuple.tuple("Manual review", 0L, 0L, Answer.MANUAL, false),
            org.assertj.core.groups.Tuple.tuple("Disclosure", 25L, 0L, Answer.NA, false),
            org.assertj.core.groups.Tuple.tuple(
                "Hold", 25L, 0L, (Qualification) new Qualification.Unrecognised("Maybe"), false));
    assertThat(metrics.get(0).id()).contains("em-1");
    assertThat(metrics.get(1).id()).isEmpty();
    assertThat(read.get(3).metrics().get(0).negativeWeight()).isEqualTo(35);
  }

  @Test
  void misspeltScoreKeyWithNaIsNotEvaluated() {
    Interaction x = read.get(1);

    assertThat(x.koreScore()).isEqualTo(KoreScore.notEvaluated());
    assertThat(x.fatalErrorCount()).isEqualTo(OptionalInt.of(0));
    assertThat(x.durationStatus()).contains(DurationStatus.Known.BELOW_THRESHOLD);
    assertThat(x.passed()).isEmpty();
    assertThat(x.duration()).contains(Duration.ofMillis(1500));
    assertThat(x.metrics()).isEmpty();
    assertThat(x.extras().isEmpty()).isTrue();
  }

  @Test
  void keysMatchIgnoringCaseSpacesAndUnderscores() {
    Interaction x = read.get(2);

    assertThat(x.koreScore()).isEqualTo(KoreScore.notEvaluated());
    assertThat(x.durationStatus()).contains(DurationStatus.Known.DURATION_UNAVAILABLE);
    assertThat(x.passScore()).isEqualTo(OptionalInt.of(70));
    assertThat(x.channel()).contains("email");
    assertThat(x.sentimentScore()).isEmpty();
  }

  @Test
  void notAvailableWordsInNumberFieldsAreAbsent() {
    Interaction x =
        Io.read("{\"conversationId\":\"c-1\",\"passScore\":\"NA\",\"fatalErrorCount\":\"\",\"Empathy Score\":\"N/A\"}").get(0);

    assertThat(x.passScore()).isEmpty();
    assertThat(x.fatalErrorCount()).isEmpty();
    assertThat(x.empathyScore()).isEmpty();
  }

  @Test
  void negativeScoreAndUnknownDurationStatusAreKept() {
    Interaction x = read.get(3);

    assertThat(x.koreScore()).isEqualTo(KoreScore.of(-20));
    assertThat(x.durationStatus()).contains(new DurationStatus.Unrecognised("re_scored"));
    assertThat(x.agents()).isEmpty();
    assertThat(x.startTime()).isEqualTo(Optional.empty());
  }

  @Test
  void laterStylesSurviveAWriteAndReadBack() {
    for (KeyStyle style : KeyStyle.values()) {
      assertThat(Io.read(Io.jsonLines(read, style))).containsExactlyElementsOf(read);
    }
  }
}
