package dev.korescore.testkit.generator;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.DuplicateKey;
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
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seeded, deterministic generator of realistic Kore Raw Data interactions, with a chosen share of
 * planted discrepancies and the truth recorded for each record.
 *
 * <p>What it produces: channels, agents, queues; evaluation forms of 2 to 12 metrics ("percentage" forms
 * whose weights total 100, and "points" forms, plus the seed page's own form); NA answers; negative
 * weights; fatal metrics; manual ({@code "-"}) metrics with weight 0; a pass score per form; a few
 * interactions that were not evaluated (score {@code null}/{@code "NA"}, {@code duration_status}
 * {@code below_threshold}); every API version's key style ({@link KeyStyle}); unknown extra fields.
 * Correct scores come from {@link KoreRules}; then a record chosen with probability {@code
 * discrepancyShare} (among evaluated records) gets a planted mistake ({@link PlantedDiscrepancy}).
 *
 * <p>Deterministic: the same settings give the same records, byte for byte. Record {@code i} depends only
 * on the settings and {@code i} ({@link #generate(long)} is random access), so streams never hold more
 * than one record and can run in parallel. Start times rise with the index, spread evenly (with jitter)
 * over {@code [from, to)}.
 *
 * <pre>{@code
 * InteractionGenerator generator = InteractionGenerator.builder().seed(42).count(2_000).discrepancyShare(0.05).build();
 * try (Stream<GeneratedInteraction> records = generator.stream()) {
 *   records.forEach(r -> out.println(r.wireJson()));
 * }
 * }</pre>
 */
public final class InteractionGenerator {
  private static final List<String> INTENTS = List.of(
      "authorization assistance", "billing question", "card replacement", "cancel subscription",
      "password reset", "order status", "refund request", "address change");
  private static final List<String> KEYWORDS = List.of(
      "account authorization assistance", "code intent request", "refund", "late fee", "new card",
      "tracking number", "reset link", "cancel plan", "moving house", "invoice copy");
  private static final List<String> EMOTIONS = List.of("frustration", "relief", "confusion", "joy");

  private final long seed;
  private final long count;
  private final double discrepancyShare;
  private final double wrongScoreFraction;
  private final double notEvaluatedShare;
  private final double extraFieldShare;
  private final double documentedShapeShare;
  private final Instant from;
  private final Instant to;
  private final KeyStyle[] styles;
  private final int[] styleWeights;
  private final int styleTotal;
  private final Catalogue catalogue;

  private InteractionGenerator(Builder b) {
    this.seed = b.seed;
    this.count = b.count;
    this.discrepancyShare = b.discrepancyShare;
    this.wrongScoreFraction = b.wrongScoreFraction;
    this.notEvaluatedShare = b.notEvaluatedShare;
    this.extraFieldShare = b.extraFieldShare;
    this.documentedShapeShare = b.documentedShapeShare;
    this.from = b.from;
    this.to = b.to;
    List<KeyStyle> keys = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    b.styleWeights.forEach((style, weight) -> {
      if (weight > 0) {
        keys.add(style);
        weights.add(weight);
      }
    });
    this.styles = keys.toArray(new KeyStyle[0]);
    this.styleWeights = weights.stream().mapToInt(Integer::intValue).toArray();
    this.styleTotal = weights.stream().mapToInt(Integer::intValue).sum();
    this.catalogue = new Catalogue(seed);
  }

  /** A builder with every default: seed 1, 1,000 records, 5% planted discrepancies, the week from 2024-07-15. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed: the same seed and settings give the same bytes. */
  public long seed() {
    return seed;
  }

  /** How many records the generator makes. */
  public long count() {
    return count;
  }

  /** The earliest conversation start time (inclusive). */
  public Instant from() {
    return from;
  }

  /** The latest conversation start time (exclusive). */
  public Instant to() {
    return to;
  }

  /** The records in index order, lazily: memory does not grow with {@link #count()}. */
  public Stream<GeneratedInteraction> stream() {
    return LongStream.range(0, count).mapToObj(this::generate);
  }

  /** The records in index order, lazily. */
  public Iterator<GeneratedInteraction> iterator() {
    return stream().iterator();
  }

  /** Record {@code index}: a pure function of the settings and the index. */
  public GeneratedInteraction generate(long index) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("index must be in [0, " + count + "), was " + index);
    }
    SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
    KeyStyle style = pickStyle(r);
    boolean modern = style != KeyStyle.SPACED_2024;
    Catalogue.Form form = catalogue.forms.get(r.nextInt(catalogue.forms.size()));

    long spanMillis = Math.max(1, Duration.between(from, to).toMillis());
    double position = (index + r.nextDouble()) / count;
    Instant start = from.plusMillis(Math.min(spanMillis - 1, (long) Math.floor(position * spanMillis)));
    Duration duration = Duration.ofMillis(20_000 + r.nextLong(1_180_000));
    String id = "c-" + Catalogue.hex(r, 7) + "-" + Catalogue.hex(r, 4) + "-" + Catalogue.hex(r, 4) + "-"
        + Catalogue.hex(r, 4) + "-" + String.format("%04x%08x", r.nextInt(0x10000), index & 0xFFFFFFFFL);

    // A stream of its own, so that a share of 0 leaves every other record byte for byte as it was.
    Optional<DocumentedShape> shape = Optional.empty();
    SplittableRandom shapes = null;
    String recordId = id;
    if (documentedShapeShare > 0) {
      shapes = new SplittableRandom(mix(seed * 0x632BE59BD9B4E019L + index + 1));
      if (shapes.nextDouble() < documentedShapeShare) {
        DocumentedShape[] all = DocumentedShape.values();
        shape = Optional.of(all[shapes.nextInt(all.length)]);
        if (shape.get() == DocumentedShape.REPEATED_CONVERSATION_ID) {
          if (index == 0) {
            shape = Optional.empty();
          } else {
            recordId = generate(index - 1).conversationId().value();
          }
        }
      }
    }

    Interaction.Builder b = Interaction.builder(recordId)
        .channel(pickChannel(r))
        .startTime(start)
        .endTime(start.plus(duration))
        .duration(duration)
        .sentimentScore(r.nextInt(4) == 0 ? BigDecimal.valueOf(10 + r.nextInt(91), 1) : BigDecimal.valueOf(1 + r.nextInt(10)));
    addIntentsAndTopics(r, b);
    b.churnRiskObserved(r.nextInt(10) == 0).escalationObserved(r.nextInt(12) == 0);

    Agent agent = catalogue.agents.get(r.nextInt(catalogue.agents.size()));
    b.addAgent(new Agent(agent.id(), agent.name(), Optional.of(start.plusMillis(500 + r.nextInt(20_000))),
        agent.email(), Extras.none()));
    b.addQueue(catalogue.queues.get(r.nextInt(catalogue.queues.size())));
    if (r.nextInt(15) == 0) {
      b.addQueue(catalogue.queues.get(r.nextInt(catalogue.queues.size())));
    }
    if (modern) {
      b.empathyScore(BigDecimal.valueOf(1 + r.nextInt(10)));
      b.crutchWordScore(BigDecimal.valueOf(r.nextInt(10)));
      b.evaluationFormName(form.name());
      b.evaluationFormScoringType(form.percentage() ? "percentage" : "points");
    }

    OptionalInt correctScore = OptionalInt.empty();
    Optional<Boolean> correctPassed = Optional.empty();
    Optional<PlantedDiscrepancy> planted = Optional.empty();
    boolean notEvaluated = r.nextDouble() < notEvaluatedShare;
    if (shape.isPresent() && shape.get() == DocumentedShape.NOT_EVALUATED_WITHOUT_ANSWERS) {
      List<Metric> unanswered = new ArrayList<>();
      for (Metric m : answer(r, form, modern)) {
        unanswered.add(m.withoutField(Metric.Field.QUALIFICATION));
      }
      b.koreScore(KoreScore.notEvaluated()).metrics(unanswered).fatalErrorCount(0)
          .durationStatus(shapes.nextBoolean() ? DurationStatus.Known.BELOW_THRESHOLD
              : DurationStatus.Known.DURATION_UNAVAILABLE);
    } else if (notEvaluated && shape.isEmpty()) {
      b.koreScore(KoreScore.notEvaluated());
      if (modern) {
        b.durationStatus(r.nextBoolean() ? DurationStatus.Known.BELOW_THRESHOLD : DurationStatus.Known.DURATION_UNAVAILABLE);
      }
    } else {
      List<Metric> metrics = answer(r, form, modern);
      if (shape.isPresent() && shape.get() == DocumentedShape.FATAL_COUNT_WITHOUT_FATAL_METRIC) {
        metrics.replaceAll(m -> m.withFatal(false));
      }
      int score = KoreRules.score(metrics).orElseThrow(
          () -> new IllegalStateException("generated metrics must have an applicable metric: " + id));
      boolean passed = KoreRules.passes(score, form.passScore());
      correctScore = OptionalInt.of(score);
      correctPassed = Optional.of(passed);
      int reportedScore = score;
      boolean reportedPassed = passed;
      boolean plant = r.nextDouble() < discrepancyShare;
      if (shape.isPresent() && shape.get() == DocumentedShape.FATAL_COUNT_WITHOUT_FATAL_METRIC) {
        score = 0;
        passed = KoreRules.passes(0, form.passScore());
        correctScore = OptionalInt.of(score);
        correctPassed = Optional.of(passed);
        reportedScore = score;
        reportedPassed = passed;
      }
      if (plant && shape.isEmpty()) {
        if (r.nextDouble() < wrongScoreFraction) {
          int delta = 5 + r.nextInt(21);
          reportedScore = score + delta <= 100 && (score - delta < -100 || r.nextBoolean()) ? score + delta : score - delta;
          reportedPassed = KoreRules.passes(reportedScore, form.passScore());
          planted = Optional.of(new PlantedDiscrepancy(
              PlantedDiscrepancy.Kind.WRONG_SCORE, reportedScore, reportedPassed, score, passed));
        } else {
          reportedPassed = !passed;
          planted = Optional.of(new PlantedDiscrepancy(
              PlantedDiscrepancy.Kind.WRONG_PASS_FLAG, reportedScore, reportedPassed, score, passed));
        }
      }
      boolean fatalCount = modern || r.nextBoolean();
      if (shape.isPresent()) {
        metrics = shaped(shape.get(), metrics, shapes, style, b);
      }
      b.metrics(metrics).koreScore(reportedScore).passScore(form.passScore()).passed(reportedPassed);
      if (shape.isPresent() && shape.get() == DocumentedShape.FATAL_COUNT_WITHOUT_FATAL_METRIC) {
        b.fatalErrorCount(1 + shapes.nextInt(2));
      } else if (fatalCount) {
        b.fatalErrorCount(KoreRules.fatalErrorCount(metrics));
      }
      if (modern) {
        b.durationStatus(DurationStatus.Known.EVALUATED);
      }
    }
    if (r.nextDouble() < extraFieldShare) {
      b.extras(extras(r, modern));
    }
    Interaction interaction = b.build();
    return new GeneratedInteraction(
        index, interaction, style, KoreWire.record(interaction, style), correctScore, correctPassed, planted, shape);
  }

  /** The metrics (and duplicated keys) of an evaluated record given one of the documented shapes. */
  private static List<Metric> shaped(
      DocumentedShape shape, List<Metric> metrics, SplittableRandom r, KeyStyle style, Interaction.Builder b) {
    List<Metric> out = new ArrayList<>(metrics);
    int at = r.nextInt(out.size());
    Metric m = out.get(at);
    switch (shape) {
      case METRIC_WITHOUT_WEIGHT:
        // as Kore's 2024 sample prints it: only "Metric ID" and "Qualification"
        out.set(at, m.withNegativeWeight(0).withoutField(Metric.Field.WEIGHT).withoutField(Metric.Field.NAME));
        break;
      case METRIC_WITHOUT_NAME:
        out.set(at, r.nextBoolean() || m.id().isEmpty() ? m.withoutField(Metric.Field.NAME)
            : new Metric(Optional.empty(), m.name(), m.weight(), m.negativeWeight(), m.qualification(), m.fatal(),
                m.extras()).withoutField(Metric.Field.NAME));
        break;
      case DUPLICATED_KEY:
        b.duplicateKeys(r.nextBoolean()
            ? List.of(new DuplicateKey(Optional.empty(), style.scoreKey()))
            : List.of(new DuplicateKey(Optional.of("Metrics[" + at + "] ('" + m.name() + "')"), "Metric Weight")));
        break;
      default:
        break;
    }
    return out;
  }

  private List<Metric> answer(SplittableRandom r, Catalogue.Form form, boolean modern) {
    List<Metric> metrics = new ArrayList<>(form.metrics().size());
    int firstScored = -1;
    boolean anyApplicable = false;
    for (Catalogue.FormMetric m : form.metrics()) {
      Qualification q;
      if (m.manual()) {
        q = Answer.MANUAL;
      } else {
        if (firstScored < 0) {
          firstScored = metrics.size();
        }
        int roll = r.nextInt(100);
        if (m.fatal()) {
          q = roll < 5 ? Answer.NO : (m.naAllowed() && roll < 12 ? Answer.NA : Answer.YES);
        } else if (m.naAllowed() && roll < 15) {
          q = Answer.NA;
        } else {
          q = roll < 45 ? Answer.NO : Answer.YES;
        }
        anyApplicable |= q != Answer.NA;
      }
      Extras extras = modern && r.nextInt(6) == 0
          ? Extras.of(Map.of("justification", RawJson.of("\"" + (q == Answer.YES ? "criterion met" : "criterion not met") + "\"")))
          : Extras.none();
      metrics.add(new Metric(m.id(), m.name(), m.weight(), m.negativeWeight(), q, m.fatal(), extras));
    }
    if (!anyApplicable) {
      metrics.set(firstScored, metrics.get(firstScored).withQualification(Answer.YES));
    }
    return metrics;
  }

  private void addIntentsAndTopics(SplittableRandom r, Interaction.Builder b) {
    int intents = r.nextInt(3);
    for (int i = 0; i < intents; i++) {
      List<String> keywords = List.of(KEYWORDS.get(r.nextInt(KEYWORDS.size())), KEYWORDS.get(r.nextInt(KEYWORDS.size())));
      if (r.nextBoolean()) {
        int sentiment = 1 + r.nextInt(10);
        b.addIntent(new Intent(INTENTS.get(r.nextInt(INTENTS.size())), keywords,
            r.nextInt(3) == 0 ? List.of(EMOTIONS.get(r.nextInt(EMOTIONS.size()))) : List.of(),
            Optional.of(sentiment >= 6 ? "positive" : sentiment >= 4 ? "neutral" : "negative"),
            Optional.of(BigDecimal.valueOf(sentiment)), Extras.none()));
      } else {
        b.addIntent(Intent.of(INTENTS.get(r.nextInt(INTENTS.size())), keywords));
      }
    }
    if (r.nextBoolean()) {
      b.addTopic(Topic.of(INTENTS.get(r.nextInt(INTENTS.size())), List.of(KEYWORDS.get(r.nextInt(KEYWORDS.size())))));
    }
  }

  private Extras extras(SplittableRandom r, boolean modern) {
    Map<String, RawJson> fields = new LinkedHashMap<>();
    if (modern) {
      fields.put("custom_fields", RawJson.of("{\"tier\":\"" + (r.nextBoolean() ? "gold" : "silver") + "\",\"region\":\""
          + (r.nextBoolean() ? "emea" : "apac") + "\"}"));
      fields.put("contact_direction", RawJson.of(r.nextBoolean() ? "\"inbound\"" : "\"outbound\""));
    } else {
      fields.put("Customer Tier", RawJson.of(r.nextBoolean() ? "\"gold\"" : "null"));
    }
    if (r.nextInt(3) == 0) {
      fields.put("x_sim_flags", RawJson.of("[" + r.nextInt(100) + ",true]"));
    }
    return Extras.of(fields);
  }

  private KeyStyle pickStyle(SplittableRandom r) {
    int roll = r.nextInt(styleTotal);
    for (int i = 0; i < styles.length; i++) {
      roll -= styleWeights[i];
      if (roll < 0) {
        return styles[i];
      }
    }
    return styles[styles.length - 1];
  }

  private static String pickChannel(SplittableRandom r) {
    int roll = r.nextInt(100);
    for (int i = 0; i < Catalogue.CHANNELS.size(); i++) {
      roll -= Catalogue.CHANNEL_WEIGHTS[i];
      if (roll < 0) {
        return Catalogue.CHANNELS.get(i);
      }
    }
    return Catalogue.CHANNELS.get(0);
  }

  /** The channels the generator uses. */
  public static List<String> channels() {
    return Catalogue.CHANNELS;
  }

  /** The queues of this generator's world (the same for every record of one seed). */
  public List<Queue> queues() {
    return catalogue.queues;
  }

  /** The agents of this generator's world. */
  public List<Agent> agents() {
    return catalogue.agents;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Settings of an {@link InteractionGenerator}; {@link #build()} validates them. */
  public static final class Builder {
    private long seed = 1;
    private long count = 1_000;
    private double discrepancyShare = 0.05;
    private double wrongScoreFraction = 0.6;
    private double notEvaluatedShare = 0.03;
    private double extraFieldShare = 0.25;
    private double documentedShapeShare = 0;
    private Instant from = Instant.parse("2024-07-15T00:00:00Z");
    private Instant to = Instant.parse("2024-07-22T00:00:00Z");
    private final Map<KeyStyle, Integer> styleWeights = new EnumMap<>(KeyStyle.class);

    private Builder() {
      styleWeights.put(KeyStyle.SPACED_2024, 5);
      styleWeights.put(KeyStyle.CAMEL, 3);
      styleWeights.put(KeyStyle.CAMEL_MISSPELT, 2);
    }

    /** The seed (default 1): the same seed and settings give the same bytes. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** How many records (default 1,000). */
    public Builder count(long value) {
      this.count = value;
      return this;
    }

    /** The probability that an evaluated record gets a planted mistake, in [0, 1] (default 0.05). */
    public Builder discrepancyShare(double value) {
      this.discrepancyShare = value;
      return this;
    }

    /** Of the planted mistakes, the share that are wrong scores; the rest are wrong pass flags (default 0.6). */
    public Builder wrongScoreFraction(double value) {
      this.wrongScoreFraction = value;
      return this;
    }

    /** The probability that a record was not evaluated (default 0.03). */
    public Builder notEvaluatedShare(double value) {
      this.notEvaluatedShare = value;
      return this;
    }

    /** The probability that a record carries unknown extra fields (default 0.25). */
    public Builder extraFieldShare(double value) {
      this.extraFieldShare = value;
      return this;
    }

    /**
     * The probability that a record has one of the record shapes Kore's documentation prints ({@link
     * DocumentedShape}: not evaluated without answers, a metric without weight or name, a fatal count with
     * no fatal metric, a key given twice, a repeated conversation id), in [0, 1] (default 0). Such a record
     * carries no planted mistake; {@link GeneratedInteraction#shape()} says which shape it has.
     */
    public Builder documentedShapeShare(double value) {
      this.documentedShapeShare = value;
      return this;
    }

    /** Conversation start times fall in {@code [from, to)} (default 2024-07-15 to 2024-07-22, UTC). */
    public Builder between(Instant from, Instant to) {
      this.from = requireNonNull(from, "from");
      this.to = requireNonNull(to, "to");
      return this;
    }

    /** Use only these key styles, equally often. */
    public Builder keyStyles(KeyStyle... values) {
      styleWeights.clear();
      for (KeyStyle style : values) {
        styleWeights.put(requireNonNull(style, "keyStyles element"), 1);
      }
      return this;
    }

    /** How often {@code style} is used relative to the others (0 to leave it out). Defaults 5:3:2. */
    public Builder keyStyleWeight(KeyStyle style, int weight) {
      if (weight < 0) {
        throw new IllegalArgumentException("weight must be >= 0, was " + weight + " for " + style);
      }
      styleWeights.put(requireNonNull(style, "style"), weight);
      return this;
    }

    /** The generator; refuses a negative count, a share outside [0, 1] or an empty time range. */
    public InteractionGenerator build() {
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0, was " + count);
      }
      share("discrepancyShare", discrepancyShare);
      share("wrongScoreFraction", wrongScoreFraction);
      share("notEvaluatedShare", notEvaluatedShare);
      share("extraFieldShare", extraFieldShare);
      share("documentedShapeShare", documentedShapeShare);
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("from must be before to, was from " + from + " to " + to);
      }
      if (styleWeights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
        throw new IllegalArgumentException("at least one key style needs a positive weight, was " + styleWeights);
      }
      return new InteractionGenerator(this);
    }

    private static void share(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
      }
    }
  }
}
