package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedGoldenTest {

  @Test
  void the_seed_sample_response_reads_into_the_seed_fixture() {
    byte[] bytes = Io.resource("seed-sample-response.json");

    List<Interaction> read = Io.read("seed-sample-response.json", bytes);

    assertThat(read).containsExactlyElementsOf(Interactions.seedSample());
  }

  @Test
  void the_golden_file_is_the_seed_block_byte_for_byte_tabs_included() {
    String text = new String(Io.resource("seed-sample-response.json"), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(text).startsWith("{\n    \"results\": [").contains("\t\t  {\n").endsWith("\"hasMore\": false\n}\n\n");
  }

  @Test
  void queue_names_keep_their_trailing_space() {
    List<Interaction> read = Io.read("seed", Io.resource("seed-sample-response.json"));

    assertThat(read.get(0).queues().get(0).name()).contains("Technical Support ");
  }

  @Test
  void writing_the_seed_as_json_lines_and_reading_it_back_gives_the_same_interactions() {
    List<Interaction> seed = Interactions.seedSample();

    for (KeyStyle style : KeyStyle.values()) {
      String lines = Io.jsonLines(seed, style);
      assertThat(lines.lines()).hasSize(2);
      assertThat(Io.read(lines)).containsExactlyElementsOf(seed);
    }
  }
}
