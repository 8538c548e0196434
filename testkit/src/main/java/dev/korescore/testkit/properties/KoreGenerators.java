package dev.korescore.testkit.properties;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.model.Topic;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for Kore Quality AI data. Every generator is a pure function of
 * QuickTheories' randomness source, so failures shrink and replay.
 *
 * <pre>{@code
 * qt().forAll(KoreGenerators.metricLists(), KoreGenerators.policies())
 *     .checkAssert((metrics, policy) -> ...);
 * }</pre>
 */
public final class KoreGenerators {
  private static final long EARLIEST = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
  private static final long LATEST = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();

  private static final List<String> METRIC_NAMES =
      List.of(
          "Customer Verification", "Greeting", "Policy", "Empathy", "Hold Procedure", "Recommend/explain other options",
          "Closing", "Agent Rude", "Cross talk check", "Disclosure read");
  private static final List<String> CHANNELS = List.of("korevg", "voice", "chat", "email", "messaging");

  private KoreGenerators() {}

  /** Kore's four documented qualifications: mostly YES/NO/NA, sometimes MANUAL. */
  public static Gen<Qualification> qualifications() {
    return Generate.frequency(
        List.of(
            pair(4, Generate.constant(Answer.YES)),
            pair(3, Generate.constant(Answer.NO)),
            pair(2, Generate.constant(Answer.NA)),
            pair(1, Generate.constant(Answer.MANUAL))));
  }

  /** YES, NO or NA: the answers that take part in a score. */
  public static Gen<Qualification> scoredQualifications() {
    return Generate.pick(List.<Qualification>of(Answer.YES, Answer.NO, Answer.NA));
  }

  /** Documented qualifications, and sometimes a value Kore does not document, such as {@code "Partial"}. */
  public static Gen<Qualification> anyQualifications() {
    Gen<Qualification> odd =
        Generate.pick(List.of("Partial", "MAYBE", "", "yes-ish")).map(raw -> (Qualification) new Qualification.Unrecognised(raw));
    return qualifications().mix(odd, 10);
  }

  /** Metric names: realistic ones, sometimes with a trailing space, sometimes arbitrary text. */
  public static Gen<String> names() {
    Gen<String> realistic = Generate.pick(METRIC_NAMES);
    Gen<String> padded = realistic.map(name -> name + " ");
    Gen<String> arbitrary = strings().betweenCodePoints(0x20, 0x2FF).ofLengthBetween(1, 24);
    return realistic.mix(padded, 10).mix(arbitrary, 30);
  }

  /** Metrics with weights 0 to 100, negative weights up to the weight, one in ten fatal. */
  public static Gen<Metric> metrics() {
    return metricsWithWeights(longs().between(0, 100));
  }

  /** Metrics whose weights come from {@code weights}. */
  public static Gen<Metric> metricsWithWeights(Gen<Long> weights) {
    Gen<Optional<String>> ids = strings().numericBetween(1000, 9999).map(n -> "em-" + n).toOptionals(40);
    Gen<Long> negativeShare = longs().between(0, 100).mix(Generate.constant(0L), 60);
    Gen<Boolean> fatal = integers().between(0, 9).map(n -> n == 0);
    return names()
        .zip(weights, negativeShare, scoredQualifications().mix(qualifications(), 20), (name, weight, share, q) ->
            Metric.of(name, weight, q).withNegativeWeight(weight * share / 100))
        .zip(ids, fatal, (metric, id, isFatal) -> new Metric(
            id, metric.name(), metric.weight(), metric.negativeWeight(), metric.qualification(), isFatal, Extras.none()));
  }

  /** Weights up to 2^31, to exercise exact arithmetic. */
  public static Gen<Long> largeWeights() {
    return longs().between(0, 1L << 31);
  }

  /** A form's metrics as applied to one interaction: 2 to 12 metrics, as Kore's forms have. */
  public static Gen<List<Metric>> metricLists() {
    return lists().of(metrics()).ofSizeBetween(2, 12);
  }

  /** Hundreds of metrics with weights up to 2^31: no overflow allowed. */
  public static Gen<List<Metric>> largeMetricLists() {
    return lists().of(metricsWithWeights(largeWeights())).ofSizeBetween(1, 400);
  }

  /** Every combination of NA treatment, pass rule, fatal handling and clamping, tolerance 0 to 2. */
  public static Gen<ScoringPolicy> policies() {
    return Generate.enumValues(NaTreatment.class)
        .zip(
            Generate.enumValues(PassRule.class),
            Generate.booleans(),
            Generate.booleans(),
            (na, rule, fatal, clamp) -> new ScoringPolicy(na, rule, fatal, clamp, BigDecimal.ZERO))
        .zip(integers().between(0, 2), (policy, tolerance) -> policy.withTolerance(BigDecimal.valueOf(tolerance)));
  }

  /**
   * Changes to one metric: a new weight (0 to 100), a new negative weight, fatal or not, or dropped;
   * never empty.
   */
  public static Gen<MetricChange> metricChanges() {
    Gen<MetricChange> edits = longs().between(0, 100).toOptionals(50)
        .zip(longs().between(0, 50).toOptionals(70), Generate.booleans().toOptionals(50), (weight, negative, fatal) -> {
          MetricChange change = MetricChange.none();
          if (weight.isPresent()) {
            change = change.withWeight(weight.get());
          }
          if (negative.isPresent()) {
            change = change.withNegativeWeight(negative.get());
          }
          if (fatal.isPresent()) {
            change = change.withFatal(fatal.get());
          }
          return change.isEmpty() ? change.withFatal(true) : change;
        });
    return edits.mix(Generate.constant(MetricChange.dropped()), 15);
  }

  /**
   * Form changes over the realistic metric and form names that {@link #metrics()} and {@link
   * #interactions()} use: a pass score (0 to 100), an NA treatment, up to three metric changes,
   * sometimes only for one form; sometimes {@link FormChange#none()}.
   */
  public static Gen<FormChange> formChanges() {
    Gen<List<Map.Entry<String, MetricChange>>> edits =
        lists().of(Generate.pick(METRIC_NAMES).zip(metricChanges(), Map::entry)).ofSizeBetween(0, 3);
    return integers().between(0, 100).toOptionals(50)
        .zip(Generate.enumValues(NaTreatment.class).toOptionals(30),
            Generate.pick(List.of("Support QA", "Sales QA", "Collections")).toOptionals(25), edits,
            (pass, na, form, metrics) -> {
              FormChange.Builder b = FormChange.builder();
              pass.ifPresent(b::passScore);
              na.ifPresent(b::naTreatment);
              form.ifPresent(b::form);
              for (Map.Entry<String, MetricChange> e : metrics) {
                b.replaceMetric(e.getKey(), e.getValue());
              }
              return b.build();
            })
        .mix(Generate.constant(FormChange.none()), 5);
  }

  /** Instants with millisecond precision between 2023 and 2027, as Kore writes them. */
  public static Gen<Instant> instants() {
    return longs().between(EARLIEST, LATEST).map(ms -> Instant.ofEpochMilli(ms));
  }

  /** Compact JSON values as an unknown field might hold: numbers, text, booleans, null, arrays, objects. */
  public static Gen<RawJson> rawJsonValues() {
    Gen<String> text = strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 8);
    Gen<String> scalar =
        Generate.oneOf(
            integers().between(-1000, 1000).map(n -> String.valueOf(n)),
            text.map(t -> "\"" + t + "\""),
            Generate.pick(List.of("true", "false", "null")));
    Gen<String> array = lists().of(scalar).ofSizeBetween(0, 3).map(items -> "[" + String.join(",", items) + "]");
    Gen<String> object = text.zip(scalar, (key, value) -> "{\"k" + key + "\":" + value + "}");
    return scalar.mix(array, 25).mix(object, 25).map(json -> RawJson.of(json));
  }

  /** Zero to three unknown fields, with keys that no Kore version uses ({@code x_...}). */
  public static Gen<Extras> extras() {
    Gen<String> keys = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6).map(k -> "x_" + k);
    return lists()
        .of(keys.zip(rawJsonValues(), Map::entry))
        .ofSizeBetween(0, 3)
        .map(
            entries -> {
              Map<String, RawJson> map = new LinkedHashMap<>();
              entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
              return Extras.of(map);
            });
  }

  /** Decimal scores with up to one decimal place, 1 to 10. */
  public static Gen<BigDecimal> sentimentScores() {
    return integers().between(10, 100).map(n -> BigDecimal.valueOf(n, 1));
  }

  public static Gen<Agent> agents() {
    return strings().numericBetween(100, 999)
        .zip(names(), instants().toOptionals(30), extras(), (n, name, start, extras) ->
            new Agent(Optional.of("a-" + n), Optional.of(name), start, Optional.of("agent" + n + "@example.com"), extras));
  }

  public static Gen<Queue> queues() {
    return strings().numericBetween(10, 99)
        .zip(names(), extras(), (n, name, extras) -> new Queue(Optional.of("qu-" + n), Optional.of(name), extras));
  }

  public static Gen<Intent> intents() {
    return names()
        .zip(lists().of(names()).ofSizeBetween(0, 3), sentimentScores().toOptionals(50), extras(),
            (name, keywords, score, extras) ->
                new Intent(name, keywords, List.of(), score.map(s -> "positive"), score, extras));
  }

  public static Gen<Topic> topics() {
    return names().zip(lists().of(names()).ofSizeBetween(0, 3), extras(), Topic::new);
  }

  /** Kore's score: mostly an integer in [-100, 100], sometimes not evaluated. */
  public static Gen<KoreScore> koreScores() {
    return integers().between(-100, 100).map(n -> KoreScore.of(n)).mix(Generate.constant(KoreScore.notEvaluated()), 10);
  }

  /**
   * Interactions with every field the model knows, some absent, lists of every size, unknown fields
   * at every level. Scores are arbitrary: use {@code dev.korescore.testkit.generator} for data whose
   * scores are right or wrong on purpose.
   */
  public static Gen<Interaction> interactions() {
    Gen<ConversationId> ids = strings().numericBetween(100000, 999999).map(n -> ConversationId.of("c-" + n));
    Gen<Optional<Instant>> times = instants().toOptionals(10);
    Gen<Optional<Duration>> durations = longs().between(0, 3_600_000).map(ms -> Duration.ofMillis(ms)).toOptionals(20);
    Gen<Optional<DurationStatus>> statuses =
        Generate.enumValues(DurationStatus.Known.class).map(s -> (DurationStatus) s).toOptionals(30);
    Gen<Optional<Boolean>> flags = Generate.booleans().toOptionals(20);
    Gen<OptionalInt> passScores =
        integers().between(0, 100).toOptionals(10).map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));

    Gen<Interaction.Builder> head =
        ids.zip(Generate.pick(CHANNELS).toOptionals(10), times, durations, (id, channel, start, duration) ->
            Interaction.builder(id).channel(channel).startTime(start)
                .endTime(start.flatMap(s -> duration.map(s::plus))).duration(duration));
    Gen<Interaction.Builder> analytics =
        head.zip(sentimentScores().toOptionals(20), lists().of(intents()).ofSizeBetween(0, 3),
            lists().of(topics()).ofSizeBetween(0, 2), (b, sentiment, intents, topics) ->
                b.sentimentScore(sentiment).intents(intents).topics(topics));
    Gen<Interaction.Builder> evaluation =
        analytics.zip(koreScores(), passScores, flags, statuses, (b, score, pass, passed, status) ->
            b.koreScore(score).passScore(pass).passed(passed).durationStatus(status));
    Gen<Interaction.Builder> people =
        evaluation.zip(lists().of(queues()).ofSizeBetween(0, 2), lists().of(agents()).ofSizeBetween(0, 2), flags,
            (b, queues, agents, churn) -> b.queues(queues).agents(agents).churnRiskObserved(churn));
    Gen<Interaction.Builder> form =
        people.zip(Generate.pick(List.of("Support QA", "Sales QA ", "Collections")).toOptionals(40),
            Generate.pick(List.of("percentage", "points")).toOptionals(40), metricLists().mix(
                lists().of(metrics()).ofSizeBetween(0, 1), 10), (b, name, type, metrics) ->
                b.evaluationFormName(name).evaluationFormScoringType(type).metrics(withExtras(metrics)));
    return form.zip(extras(), flags, integers().between(0, 3).toOptionals(50), (b, extras, escalation, fatalCount) ->
        b.extras(extras).escalationObserved(escalation)
            .fatalErrorCount(fatalCount.map(OptionalInt::of).orElse(OptionalInt.empty()))
            .empathyScore(escalation.map(e -> new BigDecimal(e ? "3.5" : "8")))
            .crutchWordScore(fatalCount.map(n -> BigDecimal.valueOf(n)))
            .build());
  }

  /**
   * Realistic records from the seeded {@link InteractionGenerator}, each with its truth (correct score,
   * planted discrepancy): 10% of evaluated records carry a planted mistake. Shrinks towards seed 0,
   * record 0.
   */
  public static Gen<GeneratedInteraction> generatedInteractions() {
    return longs().all().zip(longs().between(0, 9_999), (seed, index) ->
        InteractionGenerator.builder().seed(seed).count(10_000).discrepancyShare(0.1).build().generate(index));
  }

  private static List<Metric> withExtras(List<Metric> metrics) {
    List<Metric> result = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      Extras extras = i % 3 == 2 ? Extras.of(Map.of("x_justification", RawJson.of("\"said so\""))) : Extras.none();
      result.add(new Metric(m.id(), m.name(), m.weight(), m.negativeWeight(), m.qualification(), m.fatal(), extras));
    }
    return result;
  }

  private static <T> org.quicktheories.api.Pair<Integer, Gen<T>> pair(int weight, Gen<T> gen) {
    return org.quicktheories.api.Pair.of(weight, gen);
  }
}
