package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchCheckpoint;
import dev.korescore.core.fetch.FetchCheckpointPort;
import dev.korescore.core.fetch.WindowLedger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A download's checkpoint as a small JSON file ({@code version}, {@code job}, {@code outputBytes},
 * {@code windows} with their ledgers): written to a sibling, synced, then moved over the file in one
 * step, so that a reader sees the old checkpoint or the new one, never half of one.
 */
public final class JacksonFetchCheckpointAdapter implements FetchCheckpointPort {
  static final int VERSION = 1;

  private final JsonMapper mapper;

  private JacksonFetchCheckpointAdapter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The checkpoint file format on {@link KoreJson#mapper()}. */
  public static JacksonFetchCheckpointAdapter create() {
    return new JacksonFetchCheckpointAdapter(KoreJson.mapper());
  }

  @Override
  public Optional<FetchCheckpoint> load(Path file) throws IOException {
    requireNonNull(file, "file");
    JsonNode state;
    try {
      state = mapper.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + " is not a checkpoint (not JSON): " + e.getOriginalMessage(), e);
    }
    if (state == null || state.path("version").asInt() != VERSION) {
      throw new IOException(file + " is not a checkpoint of this version (version " + VERSION + ")");
    }
    JsonNode job = state.path("job");
    List<DateWindow> windows = new ArrayList<>();
    job.path("windows").forEach(w -> windows.add(DateWindow.parse(w.asText())));
    List<WindowLedger> ledgers = new ArrayList<>();
    for (JsonNode window : state.path("windows")) {
      ledgers.add(ledgerFrom(window));
    }
    try {
      return Optional.of(new FetchCheckpoint(
          new FetchCheckpoint.Job(job.path("endpoint").asText(), windows, texts(job.path("channels")),
              texts(job.path("queues"))),
          state.path("outputBytes").asLong(),
          ledgers));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid checkpoint: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Path file, FetchCheckpoint checkpoint) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(checkpoint, "checkpoint");
    ObjectNode state = mapper.createObjectNode();
    state.put("version", VERSION);
    ObjectNode job = state.putObject("job");
    job.put("endpoint", checkpoint.job().endpoint());
    ArrayNode jobWindows = job.putArray("windows");
    checkpoint.job().windows().forEach(w -> jobWindows.add(w.toString()));
    ArrayNode channels = job.putArray("channels");
    checkpoint.job().channels().forEach(channels::add);
    ArrayNode queues = job.putArray("queues");
    checkpoint.job().queues().forEach(queues::add);
    state.put("outputBytes", checkpoint.outputBytes());
    ArrayNode windows = state.putArray("windows");
    for (WindowLedger ledger : checkpoint.windows()) {
      ObjectNode node = windows.addObject();
      node.put("window", ledger.window().toString());
      if (ledger.totalReported().isPresent()) {
        node.put("totalReported", ledger.totalReported().getAsLong());
      } else {
        node.putNull("totalReported");
      }
      node.put("received", ledger.received());
      node.put("duplicatesDropped", ledger.duplicatesDropped());
      node.put("seenInEarlierWindows", ledger.seenInEarlierWindows());
      node.put("pages", ledger.pages());
      node.put("outsideWindow", ledger.outsideWindow());
      ArrayNode notes = node.putArray("notes");
      ledger.notes().forEach(notes::add);
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static WindowLedger ledgerFrom(JsonNode node) {
    JsonNode total = node.path("totalReported");
    return new WindowLedger(
        DateWindow.parse(node.path("window").asText()),
        total.isNumber() ? OptionalLong.of(total.asLong()) : OptionalLong.empty(),
        node.path("received").asLong(),
        node.path("duplicatesDropped").asLong(),
        node.path("seenInEarlierWindows").asLong(),
        node.path("pages").asInt(),
        texts(node.path("notes")),
        node.path("outsideWindow").asLong());
  }
}
