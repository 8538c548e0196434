package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedGoldenTest {

  @Test
  void theSeedSampleResponseReadsIntoTheSeedFixture() {
    byte[] bytes = Io.resource("seed-sample-response.json");

    List<Interaction> read = Io.read("seed-sample-response.json", bytes);

    assertThat(read).containsExactlyElementsOf(Interactions.seedSample());
  }

  @Test
  void theGoldenFileIsTheSeedBlockByteForByteTabsIncluded() {
    String text = new String(Io.resource("seed-sample-response.json"), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(text).startsWith("{\n    \"results\": [").contains("\t\t  {\n").endsWith("\"hasMore\": false\n}\n\n");
  }

  @Test
  void queueNamesKeepTheirTrailingSpace() {
    List<Interaction> read = Io.read("seed", Io.resource("seed-sample-response.json"));

    assertThat(read.get(0).queues().get(0).name()).contains("Technical Support ");
  }

  @Test
  void writingTheSeedAsJsonLinesAndReadingItBackGivesTheSameInteractions() {
    List<Interaction> seed = Interactions.seedSample();

    for (KeyStyle style : KeyStyle.values()) {
      String lines = Io.jsonLines(seed, style);
      assertThat(lines.lines()).hasSize(2);
      assertThat(Io.read(lines)).containsExactlyElementsOf(seed);
    }
  }
}
