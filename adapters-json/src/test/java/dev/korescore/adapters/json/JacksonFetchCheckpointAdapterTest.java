package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchCheckpoint;
import dev.korescore.core.fetch.WindowLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JacksonFetchCheckpointAdapterTest {
  @TempDir Path dir;
  private final JacksonFetchCheckpointAdapter checkpoints = JacksonFetchCheckpointAdapter.create();

  @Test
  void aSavedCheckpointLoadsEqualAndReplacesTheOldOneWhole() throws IOException {
    DateWindow first = DateWindow.of(Instant.parse("2024-07-15T00:00:00Z"), Instant.parse("2024-07-16T00:00:00Z"));
    DateWindow second = DateWindow.of(Instant.parse("2024-07-16T00:00:00Z"), Instant.parse("2024-07-17T00:00:00Z"));
    FetchCheckpoint.Job job = new FetchCheckpoint.Job("http://127.0.0.1:1/rawdata", List.of(first, second),
        List.of("korevg"), List.of());
    Path file = dir.resolve("out.jsonl.checkpoint");
    assertThat(checkpoints.load(file)).isEmpty();

    checkpoints.save(file, new FetchCheckpoint(job, 0, List.of()));
    FetchCheckpoint later = new FetchCheckpoint(job, 1234, List.of(
        new WindowLedger(first, OptionalLong.of(40), 40, 2, 1, 1, List.of("page 1 repeated")),
        new WindowLedger(second, OptionalLong.empty(), 0, 0, 0, 1, List.of())));
    checkpoints.save(file, later);
    assertThat(checkpoints.load(file)).contains(later);
    assertThat(dir.resolve("out.jsonl.checkpoint.tmp")).doesNotExist();
  }

  @Test
  void somethingElseInItsPlaceIsAnErrorThatNamesTheFile() throws IOException {
    Path file = dir.resolve("x.checkpoint");
    Files.writeString(file, "{\"version\": 99}");
    assertThatThrownBy(() -> checkpoints.load(file)).isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> checkpoints.load(file)).isInstanceOf(IOException.class).hasMessageContaining("not JSON");
  }
}
