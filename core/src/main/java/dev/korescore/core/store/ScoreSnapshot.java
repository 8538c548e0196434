package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a version is judged on when it changes: Kore's score, its pass flag and every metric's answer.
 * The store keeps these columns for the current version, so a new version can be classified against
 * the old one without re-reading its raw JSON.
 *
 * @param koreScore Kore's score, when evaluated
 * @param passed Kore's pass flag, when sent
 * @param answers each metric's answer, in Kore's order
 */
public record ScoreSnapshot(OptionalInt koreScore, Optional<Boolean> passed, List<Answer> answers) {
  public ScoreSnapshot {
    requireNonNull(koreScore, "koreScore");
    requireNonNull(passed, "passed");
    answers = List.copyOf(answers);
  }

  /**
   * One metric's answer.
   *
   * @param key the metric id, else its name: what matches a metric across versions
   * @param name the metric's name, for people
   * @param qualification the answer as Kore writes it ({@code YES}, {@code NO}, {@code NA}, {@code -}, ...)
   */
  public record Answer(String key, String name, String qualification) {
    public Answer {
      requireNonNull(key, "key");
      requireNonNull(name, "name");
      requireNonNull(qualification, "qualification");
    }
  }

  /** What {@code interaction} is judged on: Kore's score and pass flag, each metric's answer. */
  public static ScoreSnapshot of(Interaction interaction) {
    List<Answer> answers = new ArrayList<>(interaction.metrics().size());
    for (Metric metric : interaction.metrics()) {
      answers.add(new Answer(metric.id().orElse(metric.name()), metric.name(), metric.qualification().wireText()));
    }
    return new ScoreSnapshot(interaction.koreScore().value(), interaction.passed(), answers);
  }

  /** What changed from this version to {@code next}, whose content hash differs. */
  public VersionChange changeTo(ScoreSnapshot next) {
    requireNonNull(next, "next");
    Map<String, Answer> before = byKey();
    for (Answer answer : next.answers) {
      Answer old = before.get(answer.key());
      if (old != null && old.qualification().equals(Qualification.Answer.MANUAL.wireText())
          && !answer.qualification().equals(Qualification.Answer.MANUAL.wireText())) {
        return VersionChange.AUDIT_ADDED;
      }
    }
    if (!koreScore.equals(next.koreScore) || !passed.equals(next.passed)) {
      return VersionChange.RESCORED;
    }
    if (!answersChangedTo(next).isEmpty()) {
      return VersionChange.ANSWERS_CHANGED;
    }
    return VersionChange.OTHER;
  }

  /**
   * The answers that differ in {@code next}, in its order: {@code "Policy: NO -> YES"}, {@code "Greeting:
   * added YES"}, {@code "Closing: removed"}.
   */
  public List<String> answersChangedTo(ScoreSnapshot next) {
    requireNonNull(next, "next");
    Map<String, Answer> before = byKey();
    List<String> changed = new ArrayList<>();
    for (Answer answer : next.answers) {
      Answer old = before.remove(answer.key());
      if (old == null) {
        changed.add(answer.name() + ": added " + answer.qualification());
      } else if (!old.qualification().equals(answer.qualification())) {
        changed.add(answer.name() + ": " + old.qualification() + " -> " + answer.qualification());
      }
    }
    for (Answer gone : before.values()) {
      changed.add(gone.name() + ": removed");
    }
    return List.copyOf(changed);
  }

  private Map<String, Answer> byKey() {
    Map<String, Answer> map = new LinkedHashMap<>();
    for (Answer answer : answers) {
      map.putIfAbsent(answer.key(), answer);
    }
    return map;
  }
}
