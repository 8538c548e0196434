package dev.korescore.testkit.generator;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Queue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fixed world one generator seed draws from: evaluation forms, agents, queues. Built once per
 * generator from its seed, so that the same seed gives the same world.
 */
final class Catalogue {
  static final List<String> CHANNELS = List.of("korevg", "voice", "chat", "messaging", "email", "whatsapp");
  static final int[] CHANNEL_WEIGHTS = {35, 25, 20, 10, 5, 5};

  private static final List<String> METRIC_NAMES = List.of(
      "Customer Verification", "Greeting", "Policy", "Empathy", "Hold Procedure",
      "Recommend/explain other options", "Closing", "Agent Rude", "Cross talk check", "Disclosure read",
      "Call Opening", "Active Listening", "Issue Resolution", "Upsell Offer", "Data Protection Notice",
      "Correct Transfer", "Dead Air", "Accurate Information", "Ownership", "Apology",
      "Tone", "Summarised Next Steps", "Security Questions", "Recording Disclosure", "Survey Offer",
      "Knowledge Base Used", "Escalation Path", "Payment Card Compliance", "Name Used", "Playbook");
  private static final List<String> FIRST = List.of(
      "Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kofi", "Lena",
      "Mara", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Vik", "Wen", "Yara");
  private static final List<String> LAST = List.of(
      "Alvarez", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
      "Jensen", "Khan", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov");
  private static final List<String> QUEUE_NAMES = List.of(
      "Technical Support ", "Billing", "Sales", "Collections", "Retention ", "General Enquiries");
  private static final List<String> FORM_NAMES = List.of(
      "Support QA", "Sales QA ", "Collections Compliance", "Retention Review", "Billing Accuracy",
      "Chat Etiquette", "Voice Quality", "Onboarding Checks");

  /** A metric of a form: what every interaction scored against the form shares. */
  record FormMetric(
      Optional<String> id, String name, long weight, long negativeWeight, boolean fatal, boolean manual,
      boolean naAllowed) {}

  /** An evaluation form: its metrics and pass score. */
  record Form(String name, boolean percentage, int passScore, List<FormMetric> metrics) {
    Form {
      metrics = List.copyOf(metrics);
    }
  }

  final List<Form> forms;
  final List<Agent> agents;
  final List<Queue> queues;

  Catalogue(long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Form> builtForms = new ArrayList<>();
    builtForms.add(seedForm());
    for (int i = 0; i < FORM_NAMES.size(); i++) {
      builtForms.add(form(random, FORM_NAMES.get(i), i % 2 == 0));
    }
    this.forms = List.copyOf(builtForms);
    List<Agent> builtAgents = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String first = FIRST.get(i);
      String last = LAST.get(random.nextInt(LAST.size()));
      String id = "a-" + hex(random, 7) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-"
          + hex(random, 12);
      String email = (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com";
      builtAgents.add(new Agent(Optional.of(id), Optional.of(first + " " + last), Optional.empty(),
          Optional.of(email), Extras.none()));
    }
    this.agents = List.copyOf(builtAgents);
    List<Queue> builtQueues = new ArrayList<>();
    for (String name : QUEUE_NAMES) {
      String id = "qu-" + hex(random, 7) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-"
          + hex(random, 12);
      builtQueues.add(Queue.of(id, name));
    }
    this.queues = List.copyOf(builtQueues);
  }

  /** The seed page's form: 25, 30, 15, 10 and 30 points, NA allowed, a points form (total 110). */
  private static Form seedForm() {
    return new Form("Seed Sample Form", false, 70, List.of(
        new FormMetric(Optional.of("em-5c65faba-39a8-5f45-b571-33d0c1d00001"), "Customer Verification", 25, 0,
            false, false, true),
        new FormMetric(Optional.empty(), "Recommend/explain other options", 30, 0, false, false, true),
        new FormMetric(Optional.empty(), "Policy", 15, 0, false, false, true),
        new FormMetric(Optional.empty(), "playbook", 10, 0, false, false, true),
        new FormMetric(Optional.of("em-264a0841-b272-5604-a7ea-3bdb11320001"), "QQQQQq", 30, 0, false, false, true)));
  }

  private static Form form(SplittableRandom random, String name, boolean percentage) {
    int size = 2 + random.nextInt(11);
    List<String> names = new ArrayList<>(METRIC_NAMES);
    Collections.shuffle(names, new java.util.Random(random.nextLong()));
    boolean[] manual = new boolean[size];
    int scored = 0;
    for (int i = 0; i < size; i++) {
      manual[i] = size > 3 && random.nextInt(10) == 0;
      if (!manual[i]) {
        scored++;
      }
    }
    if (scored == 0) {
      manual[0] = false;
      scored = 1;
    }
    long[] weights = percentage ? percentageWeights(random, scored) : pointsWeights(random, scored);
    List<FormMetric> metrics = new ArrayList<>();
    int w = 0;
    for (int i = 0; i < size; i++) {
      Optional<String> id = random.nextInt(5) == 0
          ? Optional.empty()
          : Optional.of("em-" + hex(random, 8) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-" + hex(random, 4)
              + "-" + hex(random, 12));
      String metricName = names.get(i) + (random.nextInt(12) == 0 ? " " : "");
      if (manual[i]) {
        metrics.add(new FormMetric(id, metricName, 0, 0, false, true, false));
        continue;
      }
      long weight = weights[w++];
      long negative = random.nextInt(5) == 0 ? 1 + random.nextLong(weight) : 0;
      boolean fatal = random.nextInt(8) == 0;
      boolean naAllowed = random.nextInt(3) != 0;
      metrics.add(new FormMetric(id, metricName, weight, negative, fatal, false, naAllowed));
    }
    int passScore = 50 + 5 * random.nextInt(9);
    return new Form(name, percentage, passScore, metrics);
  }

  /** {@code count} positive weights totalling 100. */
  private static long[] percentageWeights(SplittableRandom random, int count) {
    long[] weights = new long[count];
    long left = 100;
    for (int i = 0; i < count - 1; i++) {
      long maxHere = left - (count - 1 - i);
      long share = Math.max(1, Math.min(maxHere, Math.round(left / (double) (count - i) * (0.5 + random.nextDouble()))));
      weights[i] = share;
      left -= share;
    }
    weights[count - 1] = left;
    return weights;
  }

  private static long[] pointsWeights(SplittableRandom random, int count) {
    long[] weights = new long[count];
    for (int i = 0; i < count; i++) {
      weights[i] = 1 + random.nextInt(20);
    }
    return weights;
  }

  static String hex(SplittableRandom random, int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }
}
