package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A misbehaviour the simulator injects into a response, planned through {@link FaultPlan}. Latency adds
 * to any other fault; the other kinds decide the response.
 */
public sealed interface Fault
    permits Fault.Status, Fault.TruncatedBody, Fault.MalformedBody, Fault.Latency, Fault.DuplicateAcrossPages,
        Fault.Unauthorized {

  /** The message Kore sends when the per-minute rate limit is exceeded. */
  String RATE_LIMIT_MESSAGE =
      "You've exceeded the per-minute rate limit for this API. Please wait and try again after some time.";

  /**
   * An error status with a Kore-style body {@code {"errors":[{"msg":"...","code":N}]}}; a 429 carries
   * Kore's rate-limit message. No {@code Retry-After} unless {@link Status#retryAfter(Duration)} is used.
   */
  static Status status(int code) {
    return new Status(code, Optional.empty(), Optional.empty());
  }

  /**
   * A 200 whose {@code Content-Length} promises the whole page but whose connection is closed halfway
   * through the body: the client sees an unexpected end of stream.
   */
  static TruncatedBody truncatedBody() {
    return new TruncatedBody();
  }

  /** A complete 200 response whose JSON body is cut in half: the client sees a decoding error. */
  static MalformedBody malformedBody() {
    return new MalformedBody();
  }

  /** The response is delayed by {@code delay} (added to the configured latency and to other faults). */
  static Latency latency(Duration delay) {
    return new Latency(delay);
  }

  /**
   * The page also carries the {@code records} records just before its first record (so they repeat
   * what the previous page had); on page 1, its own first records twice. Totals are unchanged.
   */
  static DuplicateAcrossPages duplicateAcrossPages(int records) {
    return new DuplicateAcrossPages(records);
  }

  /** A 401 {@code {"errors":[{"msg":"Invalid SDK credentials","code":4002}]}} whatever the token. */
  static Unauthorized unauthorized() {
    return new Unauthorized();
  }

  /** A short text for logs and {@link RecordedRequest#fault()}. */
  String describe();

  /**
   * An error status.
   *
   * @param code the HTTP status, 400 to 599
   * @param retryAfter the raw {@code Retry-After} header value, if any
   * @param message the error message, if not the default one
   */
  record Status(int code, Optional<String> retryAfter, Optional<String> message) implements Fault {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public Status {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("code must be an error status 400..599, was " + code);
      }
      requireNonNull(retryAfter, "retryAfter");
      requireNonNull(message, "message");
    }

    /** With {@code Retry-After: <seconds>} (rounded up to whole seconds). */
    public Status retryAfter(Duration wait) {
      requireNonNull(wait, "wait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("wait must not be negative, was " + wait);
      }
      long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
      return new Status(code, Optional.of(Long.toString(seconds)), message);
    }

    /** With {@code Retry-After: <HTTP date>}. */
    public Status retryAfterHttpDate(Instant when) {
      return new Status(code, Optional.of(HTTP_DATE.format(requireNonNull(when, "when"))), message);
    }

    /** With this error message instead of the default one. */
    public Status message(String text) {
      return new Status(code, retryAfter, Optional.of(requireNonNull(text, "text")));
    }

    String messageOrDefault() {
      return message.orElse(code == 429 ? RATE_LIMIT_MESSAGE : "Simulated server error " + code);
    }

    @Override
    public String describe() {
      return "status " + code + retryAfter.map(r -> " retry-after " + r).orElse("");
    }
  }

  /** See {@link Fault#truncatedBody()}. */
  record TruncatedBody() implements Fault {
    @Override
    public String describe() {
      return "truncated body";
    }
  }

  /** See {@link Fault#malformedBody()}. */
  record MalformedBody() implements Fault {
    @Override
    public String describe() {
      return "malformed body";
    }
  }

  /** See {@link Fault#latency(Duration)}. */
  record Latency(Duration delay) implements Fault {
    public Latency {
      requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
    }

    @Override
    public String describe() {
      return "latency " + delay.toMillis() + " ms";
    }
  }

  /** See {@link Fault#duplicateAcrossPages(int)}. */
  record DuplicateAcrossPages(int records) implements Fault {
    public DuplicateAcrossPages {
      if (records < 1) {
        throw new IllegalArgumentException("records must be >= 1, was " + records);
      }
    }

    @Override
    public String describe() {
      return "duplicate " + records + " across pages";
    }
  }

  /** See {@link Fault#unauthorized()}. */
  record Unauthorized() implements Fault {
    @Override
    public String describe() {
      return "unauthorized";
    }
  }
}
