package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the simulator served, for assertions. The {@code auth} header's value is replaced by {@link
 * #REDACTED}; the decoded JWT claims are kept (they hold no secret).
 *
 * @param receivedAt when the request arrived
 * @param method the HTTP method
 * @param path the request path (no query)
 * @param headers header names in lower case to their values, {@code auth} redacted
 * @param body the request body as text
 * @param status the status answered
 * @param jwtClaims the claims of the {@code auth} token, decoded without trusting them (empty when
 *     there was no token or it could not be decoded); dates are epoch seconds
 * @param fault what fault was injected, if any
 */
public record RecordedRequest(
    Instant receivedAt,
    String method,
    String path,
    Map<String, List<String>> headers,
    String body,
    int status,
    Map<String, Object> jwtClaims,
    Optional<String> fault) {

  /** What replaces the {@code auth} header's value. */
  public static final String REDACTED = "REDACTED";

  public RecordedRequest {
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    requireNonNull(body, "body");
    jwtClaims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jwtClaims));
    requireNonNull(fault, "fault");
  }

  /** The first value of the header (name in any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A claim of the decoded JWT. */
  public Optional<Object> claim(String name) {
    return Optional.ofNullable(jwtClaims.get(name));
  }
}
