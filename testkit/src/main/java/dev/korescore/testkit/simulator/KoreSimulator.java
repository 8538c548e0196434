package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddable Kore Raw Data server for tests: the JDK's HTTP server on 127.0.0.1, serving {@code POST}
 * Raw Data under every {@link PathPreset}, verifying Kore's HS256 JWT ({@code auth} header: signature with
 * the client secret, {@code appId} = client id, {@code exp} in the future and at most one hour after
 * {@code iat}, {@code jti} present and never reused), checking the {@code accountId} header, filtering
 * the dataset by conversation start time in {@code [startDate, endDate)} (start inclusive, end exclusive),
 * {@code channel} and {@code queues}, paging it with {@code totalResults}/{@code totalPages}/{@code
 * hasMore}, enforcing a per-account rate limit, injecting planned {@link Fault}s, and recording every
 * request.
 *
 * <pre>{@code
 * try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).build())) {
 *   URI url = sim.url(PathPreset.QUALITYAI);      // http://127.0.0.1:PORT/qualityai/api/v1/.../rawdata
 *   String clientId = sim.clientId(), secret = sim.clientSecret(), account = sim.accountId();
 *   sim.faults().next(Fault.status(429));
 *   ... call it ...
 *   assertThat(sim.requests()).hasSize(2);
 * }
 * }</pre>
 *
 * <p>Errors are Kore-style: {@code {"errors":[{"msg":"...","code":401}]}}. Error statuses: 400 bad body
 * (limit over 100, bad dates), 401 authentication (bad signature, wrong {@code appId}, expired, lifetime
 * over the limit, missing or replayed {@code jti}, wrong {@code accountId}), 404 unknown path or stream,
 * 405 not POST, 429 rate limit (Kore's message, no {@code Retry-After}).
 */
public final class KoreSimulator implements AutoCloseable {
  private final SimulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RawDataHandler handler;

  private KoreSimulator(SimulatorConfig config, HttpServer server, ExecutorService executor, RawDataHandler handler) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.handler = handler;
  }

  /** Starts a simulator; close it to stop it. */
  public static KoreSimulator start(SimulatorConfig config) {
    requireNonNull(config, "config");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + config.port(), e);
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = runnable -> {
      Thread thread = new Thread(runnable, "kore-simulator-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ExecutorService executor = Executors.newFixedThreadPool(config.threads(), threads);
    RawDataHandler handler = new RawDataHandler(config, new FaultPlan());
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new KoreSimulator(config, server, executor, handler);
  }

  /** Starts a simulator with every default and this dataset. */
  public static KoreSimulator start(SimulatorDataset dataset) {
    return start(SimulatorConfig.builder().dataset(dataset).build());
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash: the host to give a client. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The full Raw Data URL under {@code preset}. */
  public URI url(PathPreset preset) {
    return URI.create(baseUrl() + preset.path(config.accountId(), config.streamId()));
  }

  /** The account id the {@code accountId} header must carry. */
  public String accountId() {
    return config.accountId();
  }

  /** The stream (bot/app) id in the app paths. */
  public String streamId() {
    return config.streamId();
  }

  /** The client id: what the JWT's {@code appId} claim must be. */
  public String clientId() {
    return config.clientId();
  }

  /** The client secret the JWT must be signed with (its UTF-8 bytes are the HS256 key). Never log it. */
  public String clientSecret() {
    return config.clientSecret();
  }

  /** The configuration the simulator was started with. */
  public SimulatorConfig config() {
    return config;
  }

  /**
   * Serves {@code dataset} from the next request on, as Kore's data changes between requests (late scores,
   * re-scores, manual audits). {@link #config()} keeps the dataset the simulator started with.
   */
  public void serve(SimulatorDataset dataset) {
    handler.serve(requireNonNull(dataset, "dataset"));
  }

  /** The fault plan: what the next requests will get. */
  public FaultPlan faults() {
    return handler.faults();
  }

  /** Every request served so far, in the order they completed. */
  public List<RecordedRequest> requests() {
    return handler.requests();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    handler.clearRequests();
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "KoreSimulator[" + baseUrl() + ", " + config + "]";
  }
}
