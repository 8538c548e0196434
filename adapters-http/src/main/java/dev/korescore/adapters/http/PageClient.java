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

  /** Fetches one page, retrying what is worth retrying; throws a {@link FetchException} when giving up. */
  RawDataPage fetch(DateWindow window, int page, FetchRequest filters, AtomicInteger budget) {
    RequestSummary summary = new RequestSummary("POST", path, window.toString(), page);
    String body = body(window, page, filters);
    RetryPolicy retry = settings.retry();
    Instant deadline = settings.clock().instant().plus(retry.totalTimeout());
    boolean authRetried = false;
    int attempt = 0;
    while (true) {
      attempt++;
      FetchException failure;
      Duration wait;
      RateLimiter.Permit permit;
      try {
        permit = settings.limiter().acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException.TransportFailure("interrupted", summary, e);
      }
      String token = tokens.token();
      long started = System.nanoTime();
      try {
        Response<ResponseBody> response = call(token, body).execute();
        int status = response.code();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.debug("{}: HTTP {} in {} ms (attempt {})", summary, status, millis, attempt);
        if (response.isSuccessful()) {
          String text;
          try (ResponseBody responseBody = response.body()) {
            text = responseBody == null ? "" : responseBody.string();
          }
          try {
            return wire.decodePage(text, page);
          } catch (PageDecodeException e) {
            if (!(e instanceof PageDecodeException.Truncated)) {
              throw new FetchException.DecodeFailure(status, e.getMessage(), summary, e);
            }
            failure = new FetchException.TransportFailure("truncated body: " + e.getMessage(), summary, e);
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
            failure = new FetchException.RateLimited(status, wait, koreMessage, summary);
          } else if (status >= 500) {
            failure = new FetchException.ServerError(status, koreMessage, summary);
            wait = backoff(attempt);
          } else {
            throw new FetchException.ClientError(status, koreMessage, summary);
          }
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new FetchException.TransportFailure("interrupted", summary, e);
        }
        failure = new FetchException.TransportFailure("timeout: " + redact(String.valueOf(e.getMessage())), summary, e);
        wait = backoff(attempt);
      } catch (IOException e) {
        failure = new FetchException.TransportFailure(
            e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage())), summary, e);
        wait = backoff(attempt);
      } catch (RuntimeException e) {
        if (e instanceof FetchException) {
          throw e;
        }
        throw new FetchException.TransportFailure(e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage())), summary, e);
      } finally {
        permit.release();
      }
      if (attempt >= retry.maxAttempts()) {
        LOG.warn("giving up after {} attempts: {}", attempt, failure.getMessage());
        throw failure;
      }
      if (budget.getAndDecrement() <= 0) {
        LOG.warn("retry budget exhausted: {}", failure.getMessage());
        throw failure;
      }
      if (settings.clock().instant().plus(wait).isAfter(deadline)) {
        LOG.warn("total timeout {} would be exceeded: {}", retry.totalTimeout(), failure.getMessage());
        throw failure;
      }
      LOG.warn("{}; retry {} in {} ms", failure.getMessage(), attempt, wait.toMillis());
      try {
        settings.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException.TransportFailure("interrupted", summary, e);
      }
    }
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
      return String.join("; ", messages);
    }
    String oneLine = errorText.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "HTTP " + status;
    }
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }

  /** Removes the secret and any token-looking text from a string that may be printed. */
  String redact(String text) {
    String secret = tokens.secretText();
    String result = secret.isEmpty() ? text : text.replace(secret, REDACTED);
    return result.replaceAll("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*", REDACTED);
  }
}
