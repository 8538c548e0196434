package dev.korescore.core.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Keeps a download's {@link FetchCheckpoint} in a file, replaced atomically so that it is never half written. */
public interface FetchCheckpointPort {

  /**
   * The checkpoint in {@code file}; empty when there is no such file.
   *
   * @throws IOException when it cannot be read, or is not a checkpoint this version understands
   */
  Optional<FetchCheckpoint> load(Path file) throws IOException;

  /** Writes {@code checkpoint} to {@code file} durably (synced), replacing what was there in one step. */
  void save(Path file, FetchCheckpoint checkpoint) throws IOException;
}
