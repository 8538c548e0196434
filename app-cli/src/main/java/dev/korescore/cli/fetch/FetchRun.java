package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.adapters.json.KoreJson;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import java.io.IOException;
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
  private final ObjectMapper mapper;

  private FetchRun(RetrofitRawDataAdapter adapter, FetchTuning tuning, ObjectMapper mapper) {
    this.adapter = adapter;
    this.tuning = tuning;
    this.mapper = mapper;
  }

  /** A run against {@code settings} with Kore's JSON mapper, the real clock and Kore's retry policy. */
  public static FetchRun create(KoreSettings settings, FetchTuning tuning) {
    return create(settings, tuning, RetryPolicy.defaults());
  }

  /** A run with an explicit retry policy (tests and benchmarks shorten the waits). */
  public static FetchRun create(KoreSettings settings, FetchTuning tuning, RetryPolicy retryPolicy) {
    requireNonNull(settings, "settings");
    requireNonNull(tuning, "tuning");
    ObjectMapper mapper = KoreJson.mapper();
    RetrofitRawDataAdapter.Builder builder = RetrofitRawDataAdapter.builder()
        .host(settings.host())
        .api(settings.api())
        .accountId(settings.accountId())
        .credentials(settings.credentials())
        .mapper(mapper)
        .dateFormat(tuning.dateFormat())
        .pageSize(tuning.pageSize())
        .maxPages(tuning.maxPages())
        .concurrency(tuning.concurrency())
        .retryPolicy(requireNonNull(retryPolicy, "retryPolicy"))
        .rateLimiter(tuning.ratePerMinute() == 0 ? RateLimiter.unlimited() : RateLimiter.perMinute(tuning.ratePerMinute()));
    settings.streamId().ifPresent(builder::streamId);
    settings.orgId().ifPresent(builder::orgId);
    settings.iid().ifPresent(builder::iid);
    return new FetchRun(builder.build(), tuning, mapper);
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
   * The fetched records as domain interactions (mapped by adapters-json, strict), lazily, with the
   * ledgers. Closing the returned stream stops the fetch. A failed request surfaces as the {@link
   * dev.korescore.core.fetch.FetchException} it is.
   */
  public FetchedInteractions interactions(FetchRequest request) {
    return new FetchedInteractions(adapter.fetch(request), JacksonInteractionReaderAdapter.create(), "kore");
  }

  /**
   * Downloads {@code request} into {@code out} (JSON Lines, each record as received) with a checkpoint
   * beside it ({@code out + ".checkpoint"}); with {@code resume}, continues an interrupted download.
   *
   * @return the ledgers of every window of the request, those of earlier runs included
   */
  public FetchOutcome toFile(FetchRequest request, Path out, boolean resume, FetchListener listener) {
    try {
      return new JsonLinesDownload(this, mapper, request, out, listener).run(resume);
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
