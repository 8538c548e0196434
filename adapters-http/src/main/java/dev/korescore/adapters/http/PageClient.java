package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.PageDecodeException;
import dev.korescore.core.fetch.RawDataPage;
import dev.korescore.core.fetch.RawDataQuery;
import dev.korescore.core.fetch.RawDataWirePort;
import dev.korescore.core.fetch.RequestSummary;
import dev.korescore.core.text.TerminalText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/** Requests one page, with the rate limiter, fresh tokens, retries and typed failures. Thread-safe. */
final class PageClient {
  private static final Logger LOG = LoggerFactory.getLogger(RetrofitRawDataAdapter.class);
  private static final String REDACTED = "[redacted]";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final RawDataApi api;
  private final Settings settings;
  private final TokenSource tokens;
  private final RawDataWirePort wire;
  private final String path;
  private final Map<String, String> presetHeaders;

  /** Everything fixed for one client. */
  record Settings(
      ApiPreset preset,
      String accountId,
      String streamId,
      String orgId,
      String iid,
      KoreDateFormat dateFormat,
      int pageSize,
      RetryPolicy retry,
      RateLimiter limiter,
      Clock clock,
      Random random,
      Sleeper sleeper,
      boolean logBodies) {}

  PageClient(RawDataApi api, Settings settings, TokenSource tokens, RawDataWirePort wire) {
    this.api = requireNonNull(api, "api");
    this.settings = requireNonNull(settings, "settings");
    this.tokens = requireNonNull(tokens, "tokens");
    this.wire = requireNonNull(wire, "wire");
    this.path = settings.preset().path(settings.accountId(), settings.streamId());
    this.presetHeaders = settings.preset().headers(settings.accountId(), settings.orgId(), settings.iid());
  }

  String path() {
    return path;
  }

  int pageSize() {
    return settings.pageSize();
  }

  String body(DateWindow window, int page, FetchRequest filters) {
    return wire.requestBody(new RawDataQuery(settings.dateFormat().format(window.start()),
        settings.dateFormat().format(window.end()), settings.pageSize(), page, filters.channels(), filters.queues()));
  }

  private Call<ResponseBody> call(String token, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("auth", token);
    headers.putAll(presetHeaders);
    headers.put("Accept", "application/json");
    // relative to the base URL, which may carry a path of its own
    return api.rawData(path.substring(1), headers, RequestBody.create(body, JSON));
  }

  /**
   * Fetches one page, retrying what is worth retrying; throws a {@link FetchException} when giving up.
   * Each retry takes one from {@code budget}; a page fetched adds two.
   */
  RawDataPage fetch(DateWindow window, int page, FetchRequest filters, AtomicInteger budget) {
    RequestSummary summary = new RequestSummary("POST", path, window.toString(), page);
    String body = body(window, page, filters);
    RetryPolicy retry = settings.retry();
    Instant started = settings.clock().instant();
    Instant deadline = started.plus(retry.totalTimeout());
    boolean authRetried = false;
    int attempt = 0;
    while (true) {
      attempt++;
      Function<String, FetchException> failure;
      Duration wait;
      RateLimiter.Permit permit;
      try {
        permit = settings.limiter().acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException.TransportFailure("interrupted", summary, e);
      }
      String token = tokens.token();
      long sent = System.nanoTime();
      try {
        Response<ResponseBody> response = call(token, body).execute();
        int status = response.code();
        long millis = (System.nanoTime() - sent) / 1_000_000;
        LOG.debug("{}: HTTP {} in {} ms (attempt {})", summary, status, millis, attempt);
        if (response.isSuccessful()) {
          String text;
          try (ResponseBody responseBody = response.body()) {
            text = responseBody == null ? "" : responseBody.string();
          }
          try {
            RawDataPage decoded = wire.decodePage(text, page);
            budget.addAndGet(2);
            return decoded;
          } catch (PageDecodeException e) {
            if (!(e instanceof PageDecodeException.Truncated)) {
              throw new FetchException.DecodeFailure(status, e.getMessage(), summary, e);
            }
            failure = suffix -> new FetchException.TransportFailure("truncated body: " + e.getMessage() + suffix, summary, e);
            wait = backoff(attempt);
          }
        } else {
          String errorText = redact(errorBody(response));
          String koreMessage = koreMessage(errorText, status);
          if (settings.logBodies()) {
            LOG.debug("{}: error body: {}", summary, errorText);
          }
          if (status == 401 && !authRetried) {
            authRetried = true;
            LOG.info("{}: HTTP 401 ({}); retrying once with a fresh token", summary, koreMessage);
            attempt--;
            continue;
          }
          if (status == 401 || status == 403) {
            throw new FetchException.AuthenticationFailed(status, koreMessage, summary);
          }
          if (status == 429 || mentionsRateLimit(errorText)) {
            Optional<Duration> retryAfter = retryAfter(response.headers().get("Retry-After"));
            if (retryAfter.isPresent()) {
              wait = retryAfter.get().compareTo(retry.retryAfterCap()) > 0 ? retry.retryAfterCap() : retryAfter.get();
            } else {
              wait = backoff(attempt);
            }
            settings.limiter().pause(wait);
            Duration asked = wait;
            failure = suffix -> new FetchException.RateLimited(status, asked, koreMessage + suffix, summary);
          } else if (status >= 500) {
            failure = suffix -> new FetchException.ServerError(status, koreMessage + suffix, summary);
            wait = backoff(attempt);
          } else {
            throw new FetchException.ClientError(status, koreMessage, summary);
          }
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new FetchException.TransportFailure("interrupted", summary, e);
        }
        String detail = "timeout: " + redact(String.valueOf(e.getMessage()));
        failure = suffix -> new FetchException.TransportFailure(detail + suffix, summary, e);
        wait = backoff(attempt);
      } catch (IOException e) {
        String detail = connectionProblem(e);
        failure = suffix -> new FetchException.TransportFailure(detail + suffix, summary, e);
        wait = backoff(attempt);
      } catch (RuntimeException e) {
        if (e instanceof FetchException) {
          throw e;
        }
        throw new FetchException.TransportFailure(e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage())), summary, e);
      } finally {
        permit.release();
      }
      String over = " over " + human(Duration.between(started, settings.clock().instant()));
      if (attempt >= retry.maxAttempts()) {
        FetchException gaveUp = failure.apply("; gave up after " + attempt + " attempts" + over
            + " (--max-attempts " + retry.maxAttempts() + ")");
        LOG.warn("{}", gaveUp.getMessage());
        throw gaveUp;
      }
      if (budget.getAndDecrement() <= 0) {
        FetchException gaveUp = failure.apply("; gave up after " + attempt + " attempts" + over
            + ": the run's retry budget is spent (--retry-budget " + retry.budget() + ", plus two per page fetched)");
        LOG.warn("{}", gaveUp.getMessage());
        throw gaveUp;
      }
      if (settings.clock().instant().plus(wait).isAfter(deadline)) {
        FetchException gaveUp = failure.apply("; gave up after " + attempt + " attempts" + over
            + ": the next wait would pass the request's time limit of " + human(retry.totalTimeout()));
        LOG.warn("{}", gaveUp.getMessage());
        throw gaveUp;
      }
      LOG.warn("{}; retry {} in {} ms", failure.apply("").getMessage(), attempt, wait.toMillis());
      try {
        settings.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException.TransportFailure("interrupted", summary, e);
      }
    }
  }

  /** A connection failure in the user's words; a TLS handshake with a non-TLS server names that. */
  private String connectionProblem(IOException e) {
    String message = redact(String.valueOf(e.getMessage()));
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS failure (does the host speak https?): " + message;
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  /** {@code 41 s}, {@code 3 min 20 s}, {@code 1 h 2 min}. */
  static String human(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  private Duration backoff(int attempt) {
    Duration ceiling = settings.retry().backoffCeiling(attempt);
    double fraction;
    synchronized (settings.random()) {
      fraction = settings.random().nextDouble();
    }
    return Duration.ofNanos((long) (ceiling.toNanos() * fraction));
  }

  private Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(settings.clock().instant(), when);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  static boolean mentionsRateLimit(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("rate limit") || lower.contains("rate-limit") || lower.contains("ratelimit")
        || lower.contains("too many requests");
  }

  private static String errorBody(Response<ResponseBody> response) {
    try (ResponseBody errorBody = response.errorBody()) {
      if (errorBody == null) {
        return "";
      }
      String text = errorBody.string();
      return text.length() > 2000 ? text.substring(0, 2000) : text;
    } catch (IOException e) {
      return "";
    }
  }

  /** Kore's {@code errors[].msg}, or a short form of the body, or the status. */
  private String koreMessage(String errorText, int status) {
    List<String> messages = wire.errorMessages(errorText);
    if (!messages.isEmpty()) {
      return TerminalText.visible(String.join("; ", messages), 300);
    }
    String oneLine = errorText.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "HTTP " + status;
    }
    return TerminalText.visible(oneLine, 200);
  }

  /** Removes the secret and any token-looking text from a string that may be printed. */
  String redact(String text) {
    String secret = tokens.secretText();
    String result = secret.isEmpty() ? text : text.replace(secret, REDACTED);
    return result.replaceAll("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*", REDACTED);
  }
}
