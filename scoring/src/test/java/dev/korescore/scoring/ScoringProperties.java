package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.properties.KoreGenerators;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoringProperties {

  private static Interaction of(List<Metric> metrics) {
    return Interaction.builder("c-prop").koreScore(0).metrics(metrics).build();
  }

  private static Optional<ExactScore> score(List<Metric> metrics, ScoringPolicy policy) {
    return KoreAuditor.withPolicy(policy).score(of(metrics));
  }

  @Test
  void theScoreStaysWithinMinus100And100WhenClamped() {
    qt().withExamples(300)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies())
        .checkAssert((metrics, policy) -> score(metrics, policy.withClamp(true)).ifPresent(s -> {
          assertThat(s.compareTo(-100)).isGreaterThanOrEqualTo(0);
          assertThat(s.compareTo(100)).isLessThanOrEqualTo(0);
        }));
  }

  @Test
  void theOrderOfMetricsChangesNothing() {
    qt().withExamples(200)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies(), longs().all())
        .checkAssert((metrics, policy, seed) -> {
          List<Metric> shuffled = new ArrayList<>(metrics);
          Collections.shuffle(shuffled, new Random(seed));
          assertThat(score(shuffled, policy)).isEqualTo(score(metrics, policy));
        });
  }

  @Test
  void multiplyingEveryWeightByAPositiveFactorChangesNothing() {
    qt().withExamples(200)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies(), integers().between(1, 1_000_000))
        .checkAssert((metrics, policy, k) -> {
          List<Metric> scaled = metrics.stream()
              .map(m -> m.withWeight(m.weight() * k).withNegativeWeight(m.negativeWeight() * k))
              .toList();
          assertThat(score(scaled, policy)).isEqualTo(score(metrics, policy));
        });
  }

  @Test
  void naMetricsChangeNothingUnderExclude() {
    qt().withExamples(200)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies())
        .checkAssert((metrics, policy) -> {
          ScoringPolicy exclude = policy.withNaTreatment(NaTreatment.EXCLUDE);
          List<Metric> withoutNa = metrics.stream().filter(m -> m.qualification() != Answer.NA).toList();
          if (!withoutNa.isEmpty()) {
            assertThat(score(metrics, exclude)).isEqualTo(score(withoutNa, exclude));
          }
        });
  }

  @Test
  void turningANoIntoAYesNeverLowersTheScore() {
    qt().withExamples(300)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies(), integers().between(0, 11))
        .checkAssert((metrics, policy, index) -> {
          int i = index % metrics.size();
          if (metrics.get(i).qualification() != Answer.NO) {
            return;
          }
          // Kore's fatal rule sets the score to 0, which is above a negative score: un-failing a fatal
          // metric may lower the score from 0 to the formula's negative value. The property holds for
          // every other NO.
          if (metrics.get(i).fatal() && policy.fatalZeroes()) {
            return;
          }
          List<Metric> improved = new ArrayList<>(metrics);
          improved.set(i, metrics.get(i).withQualification(Answer.YES));
          Optional<ExactScore> before = score(metrics, policy);
          Optional<ExactScore> after = score(improved, policy);
          if (before.isPresent() && after.isPresent()) {
            assertThat(after.get().compareTo(before.get())).isGreaterThanOrEqualTo(0);
          }
        });
  }

  @Test
  void theEngineAgreesWithANaiveReferenceScorer() {
    qt().withExamples(500)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies())
        .checkAssert((metrics, policy) ->
            assertThat(score(metrics, policy).map(ScoringProperties::asPair)).isEqualTo(reference(metrics, policy)));
  }

  @Test
  void hundredsOfLargeWeightsNeverOverflow() {
    qt().withExamples(100)
        .forAll(KoreGenerators.largeMetricLists(), KoreGenerators.policies())
        .checkAssert((metrics, policy) -> {
          ScoringPolicy unclamped = policy.withClamp(false).withFatalZeroes(false);
          Optional<ExactScore> score = score(metrics, unclamped);
          BigInteger[] sums = bigReference(metrics, unclamped.naTreatment());
          if (sums[1].signum() == 0 || metrics.stream().anyMatch(m -> !(m.qualification() instanceof Answer))) {
            return;
          }
          // score x denominator = 100 x numerator, exactly
          ExactScore s = score.orElseThrow();
          assertThat(s.numerator().multiply(sums[1])).isEqualTo(sums[0].multiply(BigInteger.valueOf(100)).multiply(s.denominator()));
        });
  }

  @Test
  void weightsOfTwoToThe62DoNotOverflow() {
    long huge = 1L << 62;
    List<Metric> metrics = List.of(Metric.of("A", huge, Answer.YES), Metric.of("B", huge, Answer.YES),
        Metric.of("C", huge, Answer.NO), Metric.of("D", huge, Answer.YES));
    assertThat(score(metrics, ScoringPolicy.defaults())).contains(ExactScore.of(75));
  }

  private static List<Long> asPair(ExactScore s) {
    return List.of(s.numerator().longValueExact(), s.denominator().longValueExact());
  }

  /** A separate, naive scorer: small weights, long arithmetic, Euclid's gcd; {num, den} of the score. */
  private static Optional<List<Long>> reference(List<Metric> metrics, ScoringPolicy policy) {
    long points = 0;
    long applicable = 0;
    boolean fatalFailed = false;
    for (Metric m : metrics) {
      Qualification q = m.qualification();
      if (q == Answer.YES) {
        points += m.weight();
        applicable += m.weight();
      } else if (q == Answer.NO) {
        points -= m.negativeWeight();
        applicable += m.weight();
        fatalFailed |= m.fatal();
      } else if (q == Answer.NA) {
        if (policy.naTreatment() == NaTreatment.AWARD_FULL) {
          points += m.weight();
          applicable += m.weight();
        } else if (policy.naTreatment() == NaTreatment.COUNT_AS_FAIL) {
          applicable += m.weight();
        }
      }
    }
    if (fatalFailed && policy.fatalZeroes()) {
      return Optional.of(List.of(0L, 1L));
    }
    if (applicable == 0) {
      return Optional.empty();
    }
    long num = 100 * points;
    long den = applicable;
    if (policy.clamp()) {
      if (num < -100 * den) {
        return Optional.of(List.of(-100L, 1L));
      }
      if (num > 100 * den) {
        return Optional.of(List.of(100L, 1L));
      }
    }
    long a = Math.abs(num);
    long b = den;
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    long gcd = a == 0 ? 1 : a;
    if (num == 0) {
      return Optional.of(List.of(0L, 1L));
    }
    return Optional.of(List.of(num / gcd, den / gcd));
  }

  private static BigInteger[] bigReference(List<Metric> metrics, NaTreatment na) {
    BigInteger points = BigInteger.ZERO;
    BigInteger applicable = BigInteger.ZERO;
    for (Metric m : metrics) {
      BigInteger w = BigInteger.valueOf(m.weight());
      if (m.qualification() == Answer.YES) {
        points = points.add(w);
        applicable = applicable.add(w);
      } else if (m.qualification() == Answer.NO) {
        points = points.subtract(BigInteger.valueOf(m.negativeWeight()));
        applicable = applicable.add(w);
      } else if (m.qualification() == Answer.NA && na != NaTreatment.EXCLUDE) {
        applicable = applicable.add(w);
        if (na == NaTreatment.AWARD_FULL) {
          points = points.add(w);
        }
      }
    }
    return new BigInteger[] {points, applicable};
  }
}
