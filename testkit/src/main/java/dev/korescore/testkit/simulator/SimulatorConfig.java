package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * How a {@link KoreSimulator} behaves. Defaults: the {@link #TEST_ACCOUNT_ID}, {@link #TEST_STREAM_ID} and
 * {@link #TEST_CLIENT_ID}, a fresh random client secret, an empty dataset, Kore's 60 requests per
 * rolling minute per account, no latency, a free port on 127.0.0.1, {@code jti} required.
 *
 * <pre>{@code
 * SimulatorConfig config = SimulatorConfig.builder().dataset(SimulatorDataset.generated(generator)).rateLimitPerMinute(0).build();
 * }</pre>
 */
public final class SimulatorConfig {
  /** The account id the simulator expects in the {@code accountId} header by default. */
  public static final String TEST_ACCOUNT_ID = "6639f8cc882f9068043f0001";
  /** The stream (bot/app) id in the app paths by default. */
  public static final String TEST_STREAM_ID = "st-5ceb332e-d21a-5675-8b45-7707f37b0001";
  /** The client id ({@code appId} claim) the simulator expects by default. */
  public static final String TEST_CLIENT_ID = "cs-31ef9587-ef62-5bd0-9af3-f9485c3d0001";

  private final String accountId;
  private final String streamId;
  private final String clientId;
  private final String clientSecret;
  private final SimulatorDataset dataset;
  private final int rateLimitPerMinute;
  private final Duration latency;
  private final int port;
  private final boolean requireJti;
  private final Duration maxTokenLifetime;
  private final int threads;
  private final Clock clock;
  private final boolean totalPagesTwice;
  private final boolean endInclusive;

  private SimulatorConfig(Builder b) {
    this.accountId = b.accountId;
    this.streamId = b.streamId;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret != null ? b.clientSecret : randomSecret();
    this.dataset = b.dataset;
    this.rateLimitPerMinute = b.rateLimitPerMinute;
    this.latency = b.latency;
    this.port = b.port;
    this.requireJti = b.requireJti;
    this.maxTokenLifetime = b.maxTokenLifetime;
    this.threads = b.threads;
    this.clock = b.clock;
    this.totalPagesTwice = b.totalPagesTwice;
    this.endInclusive = b.endInclusive;
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every default, with an empty dataset. */
  public static SimulatorConfig defaults() {
    return builder().build();
  }

  /** A random client secret: 32 random bytes, base64url (43 characters, 256 bits for HS256). */
  public static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The account id the {@code accountId} header must carry. */
  public String accountId() {
    return accountId;
  }

  /** The stream (bot/app) id in the app paths. */
  public String streamId() {
    return streamId;
  }

  /** The client id: what the JWT's {@code appId} claim must be. */
  public String clientId() {
    return clientId;
  }

  /** The HS256 key is this text's UTF-8 bytes. Never log it. */
  public String clientSecret() {
    return clientSecret;
  }

  /** The records served. */
  public SimulatorDataset dataset() {
    return dataset;
  }

  /** Requests allowed per account per rolling minute; 0 means unlimited. */
  public int rateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  /** The delay added to every response. */
  public Duration latency() {
    return latency;
  }

  /** The port on 127.0.0.1; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Whether every token must carry a {@code jti}. */
  public boolean requireJti() {
    return requireJti;
  }

  /** The longest {@code exp - iat} accepted. */
  public Duration maxTokenLifetime() {
    return maxTokenLifetime;
  }

  /** Threads serving requests. */
  public int threads() {
    return threads;
  }

  /** The clock for token expiry and the rate limit. */
  public Clock clock() {
    return clock;
  }

  /** Whether every page prints {@code "totalPages"} twice, as one of Kore's documented samples does. */
  public boolean totalPagesTwice() {
    return totalPagesTwice;
  }

  /** True when {@code endDate} is inclusive, as Kore's is: a record starting exactly at it is served. */
  public boolean endInclusive() {
    return endInclusive;
  }

  @Override
  public String toString() {
    return "SimulatorConfig[accountId=" + accountId + ", streamId=" + streamId + ", clientId=" + clientId
        + ", clientSecret=REDACTED, records=" + dataset.size() + ", rateLimitPerMinute=" + rateLimitPerMinute
        + ", latency=" + latency + ", port=" + port + "]";
  }

  /** Settings of a simulator; {@link #build()} validates them. */
  public static final class Builder {
    private String accountId = TEST_ACCOUNT_ID;
    private String streamId = TEST_STREAM_ID;
    private String clientId = TEST_CLIENT_ID;
    private String clientSecret;
    private SimulatorDataset dataset = SimulatorDataset.empty();
    private int rateLimitPerMinute = 60;
    private Duration latency = Duration.ZERO;
    private int port = 0;
    private boolean requireJti = true;
    private Duration maxTokenLifetime = Duration.ofHours(1);
    private int threads = 16;
    private Clock clock = Clock.systemUTC();
    private boolean totalPagesTwice;
    private boolean endInclusive;

    private Builder() {}

    /**
     * Serve records starting exactly at {@code endDate} too, as Kore does (default false: {@code [start,
     * end)}); a client must not write them for the window that ends there.
     */
    public Builder endInclusive(boolean value) {
      this.endInclusive = value;
      return this;
    }

    /** The account id the {@code accountId} header must carry (non-blank, no {@code /}). */
    public Builder accountId(String value) {
      this.accountId = requireNonNull(value, "accountId");
      return this;
    }

    /** The stream (bot/app) id in the app paths (non-blank, no {@code /}). */
    public Builder streamId(String value) {
      this.streamId = requireNonNull(value, "streamId");
      return this;
    }

    /** The client id the JWT's {@code appId} claim must be (non-blank, no {@code /}). */
    public Builder clientId(String value) {
      this.clientId = requireNonNull(value, "clientId");
      return this;
    }

    /** The client secret (at least 32 bytes in UTF-8, as HS256 needs); default: a random one. */
    public Builder clientSecret(String value) {
      this.clientSecret = requireNonNull(value, "clientSecret");
      return this;
    }

    /** The records to serve (default none). */
    public Builder dataset(SimulatorDataset value) {
      this.dataset = requireNonNull(value, "dataset");
      return this;
    }

    /** Requests per account per rolling minute (default 60, Kore's); 0 for no limit. */
    public Builder rateLimitPerMinute(int value) {
      this.rateLimitPerMinute = value;
      return this;
    }

    /** A delay added to every response (default none). */
    public Builder latency(Duration value) {
      this.latency = requireNonNull(value, "latency");
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Whether every token must carry a {@code jti} (default true). A reused {@code jti} is always refused. */
    public Builder requireJti(boolean value) {
      this.requireJti = value;
      return this;
    }

    /** The longest {@code exp - iat} accepted (default 1 hour). */
    public Builder maxTokenLifetime(Duration value) {
      this.maxTokenLifetime = requireNonNull(value, "maxTokenLifetime");
      return this;
    }

    /** Threads serving requests (default 16), so that concurrent clients and latency overlap. */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** The clock for token expiry and the rate limit (default the system clock). */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /**
     * Print {@code "totalPages"} twice in every page (default false), as Kore's 2026 Auto QA Reporting
     * sample does: a client must accept a key given twice in the envelope.
     */
    public Builder totalPagesTwice(boolean value) {
      this.totalPagesTwice = value;
      return this;
    }

    /** The configuration; refuses blank ids, a short secret, negative limits or latency, and a bad port. */
    public SimulatorConfig build() {
      for (String[] id : new String[][] {{"accountId", accountId}, {"streamId", streamId}, {"clientId", clientId}}) {
        if (id[1].isBlank() || id[1].contains("/")) {
          throw new IllegalArgumentException(id[0] + " must be non-blank without '/', was '" + id[1] + "'");
        }
      }
      if (clientSecret != null && clientSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException(
            "clientSecret must be at least 32 bytes for HS256, was " + clientSecret.getBytes(StandardCharsets.UTF_8).length
                + " bytes");
      }
      if (rateLimitPerMinute < 0) {
        throw new IllegalArgumentException("rateLimitPerMinute must be >= 0 (0 = unlimited), was " + rateLimitPerMinute);
      }
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, was " + latency);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, was " + port);
      }
      if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
        throw new IllegalArgumentException("maxTokenLifetime must be positive, was " + maxTokenLifetime);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      }
      return new SimulatorConfig(this);
    }
  }
}
