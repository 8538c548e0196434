package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawDataWirePort;
import dev.korescore.core.fetch.RawRecordStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The Kore Raw Data client: POST Raw Data over Retrofit/OkHttp with a fresh HS256 JWT per request,
 * paging, window slicing and bisection, de-duplication by conversation id, a rate limiter shared per
 * account, bounded concurrency and retries. Build one per account with {@link #builder()}; close it to
 * release its connections.
 *
 * <pre>{@code
 * try (RetrofitRawDataAdapter kore = RetrofitRawDataAdapter.builder()
 *         .host("https://platform.kore.ai")
 *         .accountId("6639f8cc882f9068043fxxxx").streamId("st-...").orgId("o-...")
 *         .credentials(KoreCredentials.clientCredentials("cs-...", Secret.of(secretText)))
 *         .wireFormat(JacksonRawDataWireAdapter.create())   // from adapters-json
 *         .build();
 *      RawRecordStream records = kore.fetch(FetchRequest.of(from, to))) {
 *   records.forEachRemaining(r -> System.out.println(r.jsonLine()));
 *   records.ledgers().forEach(l -> System.out.println(l.describe()));
 * }
 * }</pre>
 */
public final class RetrofitRawDataAdapter implements FetchRawDataPort, AutoCloseable {
  private final PageClient client;
  private final OkHttpClient okHttp;
  private final boolean ownsOkHttp;
  private final int concurrency;
  private final int maxPages;
  private final int retryBudget;
  private final HttpUrl baseUrl;

  private RetrofitRawDataAdapter(Builder b, PageClient client, OkHttpClient okHttp, HttpUrl baseUrl) {
    this.client = client;
    this.okHttp = okHttp;
    this.ownsOkHttp = b.okHttpClient == null;
    this.concurrency = b.concurrency;
    this.maxPages = b.maxPages;
    this.retryBudget = b.retryPolicy.budget();
    this.baseUrl = baseUrl;
  }

  /** A builder; {@code host}, {@code accountId}, {@code credentials} and {@code mapper} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public RawRecordStream fetch(FetchRequest request, FetchListener listener) {
    return new WindowedRecordStream(client, requireNonNull(request, "request"), requireNonNull(listener, "listener"),
        concurrency, maxPages, retryBudget);
  }

  /** The endpoint's full URL (ids only, nothing secret). */
  public String endpoint() {
    return baseUrl.toString().replaceAll("/$", "") + client.path();
  }

  @Override
  public void close() {
    if (ownsOkHttp) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "RetrofitRawDataAdapter[" + endpoint() + "]";
  }

  /** Settings of a {@link RetrofitRawDataAdapter}; {@link #build()} checks them. */
  public static final class Builder {
    private String host;
    private ApiPreset api = ApiPreset.QUALITYAI;
    private String accountId;
    private String streamId;
    private String orgId;
    private String iid;
    private KoreCredentials credentials;
    private RawDataWirePort wireFormat;
    private KoreDateFormat dateFormat = KoreDateFormat.SPACE;
    private int pageSize = 100;
    private int maxPages = 100;
    private RateLimiter rateLimiter;
    private int concurrency = 1;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration tokenLifetime = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private Random random = new SecureRandom();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private OkHttpClient okHttpClient;
    private boolean logBodies;

    private Builder() {}

    /** Kore's host, e.g. {@code https://platform.kore.ai} (https required unless loopback; "//" collapsed). */
    public Builder host(String value) {
      this.host = requireNonNull(value, "host");
      return this;
    }

    /** The path preset; default {@link ApiPreset#QUALITYAI}. */
    public Builder api(ApiPreset value) {
      this.api = requireNonNull(value, "api");
      return this;
    }

    /** The Kore account id (required), sent in the {@code accountId} header. */
    public Builder accountId(String value) {
      this.accountId = value;
      return this;
    }

    /** The bot/app id ({@code st-...}); required by every preset but {@code legacy}. */
    public Builder streamId(String value) {
      this.streamId = value;
      return this;
    }

    /** Required by {@code qualityai} and {@code agentassist}. */
    public Builder orgId(String value) {
      this.orgId = value;
      return this;
    }

    /** The {@code iid} header of the {@code app} preset; defaults to the stream id. */
    public Builder iid(String value) {
      this.iid = value;
      return this;
    }

    /** How to authenticate: a client id and secret (a fresh JWT per request) or a ready-made token (required). */
    public Builder credentials(KoreCredentials value) {
      this.credentials = requireNonNull(value, "credentials");
      return this;
    }

    /** Kore's wire format: request bodies, response envelopes and error bodies (the JSON adapter's). */
    public Builder wireFormat(RawDataWirePort value) {
      this.wireFormat = requireNonNull(value, "wireFormat");
      return this;
    }

    /** How {@code startDate} and {@code endDate} are written; default {@link KoreDateFormat#SPACE}. */
    public Builder dateFormat(KoreDateFormat value) {
      this.dateFormat = requireNonNull(value, "dateFormat");
      return this;
    }

    /** Records per page, 1 to 100; default 100. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The page guard: pages per window at most (default 100); a window with more records is bisected. */
    public Builder maxPages(int value) {
      this.maxPages = value;
      return this;
    }

    /** The account's shared limiter; default {@code RateLimiter.perMinute(60)} of this client alone. */
    public Builder rateLimiter(RateLimiter value) {
      this.rateLimiter = requireNonNull(value, "rateLimiter");
      return this;
    }

    /** Requests in flight at most, 1 to 16; default 1. */
    public Builder concurrency(int value) {
      this.concurrency = value;
      return this;
    }

    /** When and how long to retry; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = requireNonNull(value, "retryPolicy");
      return this;
    }

    /** The longest a connection may take to open; default 10 s. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = requireNonNull(value, "connectTimeout");
      return this;
    }

    /** The longest one attempt may take (OkHttp's call timeout); the total per request is in {@link RetryPolicy}. */
    public Builder callTimeout(Duration value) {
      this.callTimeout = requireNonNull(value, "callTimeout");
      return this;
    }

    /** Each minted token's {@code exp - iat}, at most one hour; default 5 minutes. */
    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = requireNonNull(value, "tokenLifetime");
      return this;
    }

    /** The clock for {@code iat}/{@code exp}, Retry-After dates and the total timeout. */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /** The randomness of the backoff's jitter (seed it in tests). */
    public Builder random(Random value) {
      this.random = requireNonNull(value, "random");
      return this;
    }

    /** How backoff waits are slept (record them in tests). */
    public Builder sleeper(Sleeper value) {
      this.sleeper = requireNonNull(value, "sleeper");
      return this;
    }

    /** A shared OkHttp client to derive this one from (its timeouts are overridden). */
    public Builder okHttpClient(OkHttpClient value) {
      this.okHttpClient = requireNonNull(value, "okHttpClient");
      return this;
    }

    /** Log error bodies at DEBUG (redacted); off by default. */
    public Builder logBodies(boolean value) {
      this.logBodies = value;
      return this;
    }

    /** The client; refuses a missing host, account, credentials or mapper, or an id its preset needs. */
    public RetrofitRawDataAdapter build() {
      if (host == null) {
        throw new IllegalStateException("host is required");
      }
      HttpUrl baseUrl = HostUrl.parse(host);
      require(accountId, "accountId");
      if (api.needsStreamId()) {
        require(streamId, "streamId (the bot/app id st-..., for api " + api.cliName() + ")");
      }
      if (api.needsOrgId()) {
        require(orgId, "orgId (for api " + api.cliName() + ")");
      }
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      if (wireFormat == null) {
        throw new IllegalStateException("wireFormat is required");
      }
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException("pageSize must be within 1..100, was " + pageSize);
      }
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
      }
      if (concurrency < 1 || concurrency > 16) {
        throw new IllegalArgumentException("concurrency must be within 1..16, was " + concurrency);
      }
      if (connectTimeout.isNegative() || connectTimeout.isZero() || callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException(
            "timeouts must be > 0, were connect " + connectTimeout + " and call " + callTimeout);
      }
      TokenSource tokens = new TokenSource(credentials, tokenLifetime, clock);
      OkHttpClient.Builder http = okHttpClient == null ? new OkHttpClient.Builder() : okHttpClient.newBuilder();
      OkHttpClient okHttp = http
          .connectTimeout(connectTimeout)
          .readTimeout(callTimeout)
          .writeTimeout(callTimeout)
          .callTimeout(callTimeout)
          .retryOnConnectionFailure(true)
          .build();
      okHttp.dispatcher().setMaxRequestsPerHost(Math.max(5, concurrency));
      RawDataApi rawDataApi = new Retrofit.Builder()
          .baseUrl(baseUrl)
          .client(okHttp)
          .build()
          .create(RawDataApi.class);
      PageClient.Settings settings = new PageClient.Settings(
          api, accountId.strip(), streamId == null ? null : streamId.strip(), orgId == null ? null : orgId.strip(),
          iid == null ? (streamId == null ? null : streamId.strip()) : iid.strip(),
          dateFormat, pageSize, retryPolicy, rateLimiter == null ? RateLimiter.perMinute(60) : rateLimiter,
          clock, random, sleeper, logBodies);
      if (api.needsIid()) {
        require(settings.iid(), "iid (for api app)");
      }
      return new RetrofitRawDataAdapter(this, new PageClient(rawDataApi, settings, tokens, wireFormat), okHttp, baseUrl);
    }

    private static void require(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(name + " is required");
      }
    }
  }
}
