package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInputTest {
  @TempDir Path dir;

  @Test
  void readsAGzipFileAndNamesItInErrors() throws IOException {
    Path file = dir.resolve("page.json.gz");
    Files.write(file, Io.gzip(Io.resource("seed-sample-response.json")));

    try (InteractionStream stream = Io.READER.open(file, ReadOptions.strict())) {
      List<Interaction> read = new ArrayList<>();
      stream.forEachRemaining(read::add);
      assertThat(read).containsExactlyElementsOf(Interactions.seedSample());
    }

    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"conversationId\":\"c-1\",\"IsPassed\":7}\n");
    try (InteractionStream stream = Io.READER.open(bad, ReadOptions.strict())) {
      assertThatThrownBy(stream::next)
          .isInstanceOf(InteractionReadException.class)
          .hasMessage(bad + ":1:1 (conversation c-1): \"IsPassed\" must be true or false, was 7 (at line 1, column 36)");
    }
  }

  @Test
  void aMissingFileIsAReadException() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> Io.READER.open(missing, ReadOptions.strict()))
        .isInstanceOf(InteractionReadException.class)
        .hasMessage(missing + ": no such file");
  }
}
