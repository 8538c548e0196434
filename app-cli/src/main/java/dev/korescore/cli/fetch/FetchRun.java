package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.adapters.json.JacksonFetchCheckpointAdapter;
import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import dev.korescore.core.fetch.RawDataWirePort;
import dev.korescore.cli.common.Interruption;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The reusable fetch service: one configured Kore client, from which to stream raw records, stream
 * interactions (mapped by adapters-json), or download to a JSON Lines file with a checkpoint. Close it
 * to release connections.
 *
 * <pre>{@code
 * try (FetchRun run = FetchRun.create(settings, FetchTuning.defaults());
 *      FetchedInteractions interactions = run.interactions(run.request(from, to, List.of(), List.of()))) {
 *   interactions.forEachRemaining(auditor::verify);
 * }
 * }</pre>
 */
public final class FetchRun implements AutoCloseable {
  private final RetrofitRawDataAdapter adapter;
  private final FetchTuning tuning;
  private final RawDataWirePort wire;

  private FetchRun(RetrofitRawDataAdapter adapter, FetchTuning tuning, RawDataWirePort wire) {
    this.adapter = adapter;
    this.tuning = tuning;
    this.wire = wire;
  }

  /** A run against {@code settings} with Kore's wire format, the real clock and Kore's retry policy. */
  public static FetchRun create(KoreSettings settings, FetchTuning tuning) {
    return create(settings, tuning, RetryPolicy.defaults());
  }

  /** A run with an explicit retry policy (tests and benchmarks shorten the waits). */
  public static FetchRun create(KoreSettings settings, FetchTuning tuning, RetryPolicy retryPolicy) {
    requireNonNull(settings, "settings");
    requireNonNull(tuning, "tuning");
    RawDataWirePort wire = JacksonRawDataWireAdapter.create();
    RetrofitRawDataAdapter.Builder builder = RetrofitRawDataAdapter.builder()
        .host(settings.host())
        .api(settings.api())
        .accountId(settings.accountId())
        .credentials(settings.credentials())
        .wireFormat(wire)
        .dateFormat(tuning.dateFormat())
        .pageSize(tuning.pageSize())
        .maxPages(tuning.maxPages())
        .concurrency(tuning.concurrency())
        .retryPolicy(requireNonNull(retryPolicy, "retryPolicy"))
        .rateLimiter(tuning.ratePerMinute() == 0 ? RateLimiter.unlimited() : RateLimiter.perMinute(tuning.ratePerMinute()));
    settings.streamId().ifPresent(builder::streamId);
    settings.orgId().ifPresent(builder::orgId);
    settings.iid().ifPresent(builder::iid);
    return new FetchRun(builder.build(), tuning, wire);
  }

  /** {@code from} to {@code to} split into this run's windows, with the filters (empty: all). */
  public FetchRequest request(Instant from, Instant to, List<String> channels, List<String> queues) {
    return FetchRequest.of(from, to, tuning.window()).withChannels(channels).withQueues(queues);
  }

  /** The endpoint fetched (ids only). */
  public String endpoint() {
    return adapter.endpoint();
  }

  /** Raw records, lazily, each conversation once, exactly as received. Close the stream. */
  public RawRecordStream records(FetchRequest request, FetchListener listener) {
    return adapter.fetch(request, listener);
  }

  /** The configured Raw Data client, for services that consume the fetch themselves ({@code sync}). */
  public FetchRawDataPort port() {
    return adapter;
  }

  /** Raw records without a listener. */
  public RawRecordStream records(FetchRequest request) {
    return adapter.fetch(request);
  }

  /**
   * The fetched records as domain interactions, lazily, with the ledgers: {@code reader} maps them with
   * {@code options} exactly as it maps the lines of a file holding them (errors name {@code kore}, the
   * record's number in the fetch as the line, and its conversation id). Closing the returned stream stops
   * the fetch. A failed request surfaces as the {@link dev.korescore.core.fetch.FetchException} it is.
   */
  public FetchedInteractions interactions(FetchRequest request, ReadInteractionsPort reader, ReadOptions options) {
    return FetchedInteractions.of(adapter.fetch(request), reader, options);
  }

  /** The fetched records read strictly, every field, by the JSON adapter. */
  public FetchedInteractions interactions(FetchRequest request) {
    return interactions(request, JacksonInteractionReaderAdapter.create(), ReadOptions.strict());
  }

  /** What to do with an output file that exists. */
  public enum OutputMode {
    /** The output must not exist yet (exit 2 if it does). */
    NEW,
    /** Replace whatever is there. */
    OVERWRITE,
    /** Continue the download its checkpoint records (exit 2, "nothing to resume", without one). */
    RESUME
  }

  /**
   * Downloads {@code request} into {@code out} (JSON Lines, each record as received) with a checkpoint
   * beside it ({@code out + ".checkpoint"}), holding {@code out}'s lock for the whole run.
   *
   * @return the ledgers of every window of the request, those of earlier runs included
   */
  public FetchOutcome toFile(FetchRequest request, Path out, OutputMode mode, FetchListener listener) {
    return toFile(request, out, mode, listener, Interruption.none(), new DownloadCount());
  }

  FetchOutcome toFile(FetchRequest request, Path out, OutputMode mode, FetchListener listener,
      Interruption interruption, DownloadCount count) {
    try {
      return new JsonLinesDownload(this, JacksonFetchCheckpointAdapter.create(), wire, request, out, listener,
          interruption, count).run(mode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams {@code request}'s records as JSON Lines to {@code stream} (not closed), flushed after each window. */
  public FetchOutcome toStream(FetchRequest request, OutputStream stream, FetchListener listener) {
    return toStream(request, stream, listener, new DownloadCount());
  }

  FetchOutcome toStream(FetchRequest request, OutputStream stream, FetchListener listener, DownloadCount count) {
    try {
      return JsonLinesDownload.toStream(this, request, stream, listener, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FetchTuning tuning() {
    return tuning;
  }

  /** The result of {@link #toFile}: every window's ledger, and what this run wrote. */
  public record FetchOutcome(List<WindowLedger> ledgers, long recordsWritten, long windowsSkipped, Path output) {
    public FetchOutcome {
      ledgers = List.copyOf(ledgers);
      requireNonNull(output, "output");
    }

    /** True when every window's ledger is complete. */
    public boolean complete() {
      return ledgers.stream().allMatch(WindowLedger::complete);
    }

    public long totalReceived() {
      return ledgers.stream().mapToLong(WindowLedger::received).sum();
    }
  }

  @Override
  public void close() {
    adapter.close();
  }
}
