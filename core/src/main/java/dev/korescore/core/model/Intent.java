package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An intent detected in the interaction ({@code Intents[]}).
 *
 * @param name {@code intent}
 * @param keywords {@code keywords}
 * @param emotions {@code emotions}
 * @param sentiment {@code Sentiment}, e.g. {@code positive}
 * @param sentimentScore {@code "Sentiment Score"} (1 to 10, may be decimal)
 * @param extras fields the model does not know
 */
public record Intent(
    String name,
    List<String> keywords,
    List<String> emotions,
    Optional<String> sentiment,
    Optional<BigDecimal> sentimentScore,
    Extras extras) {

  public Intent {
    requireNonNull(name, "name");
    keywords = List.copyOf(keywords);
    emotions = List.copyOf(emotions);
    requireNonNull(sentiment, "sentiment");
    sentimentScore = Decimals.canonical(requireNonNull(sentimentScore, "sentimentScore"));
    requireNonNull(extras, "extras");
  }

  /** An intent with its name and keywords. */
  public static Intent of(String name, List<String> keywords) {
    return new Intent(name, keywords, List.of(), Optional.empty(), Optional.empty(), Extras.none());
  }
}
