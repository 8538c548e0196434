package dev.korescore.cli.testkit;

import dev.korescore.cli.common.CliException;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.wire.KeyStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The generator settings shared by {@code generate} and {@code simulate}. */
final class GeneratorOptions {
  @Option(names = "--records", paramLabel = "N", defaultValue = "1000", description = "How many interactions (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed: the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--discrepancy-share", paramLabel = "X", defaultValue = "0.05",
      description = "Share of evaluated interactions with a planted wrong score or pass flag, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double discrepancyShare;

  @Option(names = "--from", paramLabel = "T", defaultValue = "2024-07-15",
      description = "First conversation start, a date or an ISO-8601 instant, UTC (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--to", paramLabel = "T", defaultValue = "2024-07-22",
      description = "End of the range, exclusive (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--key-style", paramLabel = "STYLE", split = ",",
      description = "API versions' key styles to use: spaced-2024, camel, camel-misspelt (default: all, 5:3:2).")
  List<String> keyStyles = new ArrayList<>();

  InteractionGenerator build() {
    InteractionGenerator.Builder builder = InteractionGenerator.builder()
        .seed(seed)
        .count(records)
        .discrepancyShare(discrepancyShare)
        .between(instant("--from", from), instant("--to", to));
    if (!keyStyles.isEmpty()) {
      List<KeyStyle> styles = new ArrayList<>();
      for (String style : keyStyles) {
        styles.add(keyStyle(style));
      }
      builder.keyStyles(styles.toArray(new KeyStyle[0]));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  static Instant instant(String option, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw CliException.usage(option + " must be a date (2024-07-15) or an ISO-8601 instant (2024-07-15T00:00:00Z), was '" + text + "'");
    }
  }

  static KeyStyle keyStyle(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "spaced-2024":
      case "spaced":
      case "2024":
        return KeyStyle.SPACED_2024;
      case "camel":
        return KeyStyle.CAMEL;
      case "camel-misspelt":
      case "misspelt":
        return KeyStyle.CAMEL_MISSPELT;
      default:
        throw CliException.usage("--key-style must be spaced-2024, camel or camel-misspelt, was '" + text + "'");
    }
  }
}
