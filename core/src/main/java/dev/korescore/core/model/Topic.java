package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A topic detected in the interaction ({@code Topics[]}). */
public record Topic(String name, List<String> keywords, Extras extras) {
  public Topic {
    requireNonNull(name, "name");
    keywords = List.copyOf(keywords);
    requireNonNull(extras, "extras");
  }

  /** A topic with its name and keywords. */
  public static Topic of(String name, List<String> keywords) {
    return new Topic(name, keywords, Extras.none());
  }
}
