package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A Raw Data request failed for good (after the retries the client allows). Each kind carries the HTTP
 * status when there was one and a {@link RequestSummary}; messages never contain a token or a secret.
 */
public abstract sealed class FetchException extends RuntimeException
    permits FetchException.AuthenticationFailed,
        FetchException.RateLimited,
        FetchException.ClientError,
        FetchException.ServerError,
        FetchException.TransportFailure,
        FetchException.DecodeFailure {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient RequestSummary request;

  FetchException(String what, int status, RequestSummary request, Throwable cause) {
    super(what + (status > 0 ? " (HTTP " + status + ")" : "") + " on " + requireNonNull(request, "request"), cause);
    this.status = status;
    this.request = request;
  }

  /** The HTTP status, when a response arrived. */
  public OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** The request that failed: method, path, window and page; never a token or a secret. */
  public RequestSummary request() {
    return request;
  }

  /** 401/403: the credentials were refused; {@code koreMessage} is Kore's own text ("Invalid SDK credentials"). */
  public static final class AuthenticationFailed extends FetchException {
    private static final long serialVersionUID = 1L;
    private final String koreMessage;

    /** A refusal of the credentials with Kore's {@code status} and message. */
    public AuthenticationFailed(int status, String koreMessage, RequestSummary request) {
      super("authentication failed: " + requireNonNull(koreMessage, "koreMessage"), status, request, null);
      this.koreMessage = koreMessage;
    }

    /** Kore's own error text, such as "Invalid SDK credentials". */
    public String koreMessage() {
      return koreMessage;
    }
  }

  /** Throttled (429, or an error mentioning the rate limit) more often than the retries allow. */
  public static final class RateLimited extends FetchException {
    private static final long serialVersionUID = 1L;
    private final Duration wait;

    /** Throttling that outlasted the retries; {@code wait} is what the server last asked for. */
    public RateLimited(int status, Duration wait, String detail, RequestSummary request) {
      super("rate limited, server asked to wait " + requireNonNull(wait, "wait").toSeconds() + "s: " + detail,
          status, request, null);
      this.wait = wait;
    }

    /** How long the server asked to wait (or the client's last backoff when it did not say). */
    public Duration retryAfter() {
      return wait;
    }
  }

  /** Another 4xx: the request is wrong (bad dates, unknown stream); retrying will not help. */
  public static final class ClientError extends FetchException {
    private static final long serialVersionUID = 1L;

    /** Another 4xx answer, with the {@code detail} Kore gave. */
    public ClientError(int status, String detail, RequestSummary request) {
      super("request refused: " + detail, status, request, null);
    }
  }

  /** 5xx after every retry. */
  public static final class ServerError extends FetchException {
    private static final long serialVersionUID = 1L;

    /** A 5xx answer that outlasted the retries, with the {@code detail} Kore gave. */
    public ServerError(int status, String detail, RequestSummary request) {
      super("server error: " + detail, status, request, null);
    }
  }

  /** Connection refused or reset, a timeout, a truncated body, after every retry. */
  public static final class TransportFailure extends FetchException {
    private static final long serialVersionUID = 1L;

    /** No usable answer (connection refused or reset, timeout, truncated body) after the retries. */
    public TransportFailure(String detail, RequestSummary request, Throwable cause) {
      super("transport failure: " + detail, 0, request, cause);
    }
  }

  /** A response that is not the Raw Data envelope, or a record without a conversation id. */
  public static final class DecodeFailure extends FetchException {
    private static final long serialVersionUID = 1L;

    /** A 200 answer whose body is not a Raw Data page, with the HTTP {@code status} and what was wrong. */
    public DecodeFailure(int status, String detail, RequestSummary request, Throwable cause) {
      super("cannot decode the response: " + detail, status, request, cause);
    }
  }
}
