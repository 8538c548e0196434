package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How requests authenticate: a client id and secret from which the client mints a fresh HS256 JWT per
 * request, or a ready-made token sent as is. {@link #toString()} never shows the secret or the token.
 */
public final class KoreCredentials {
  private final String clientId;
  private final Secret secret;
  private final boolean readyMadeToken;

  private KoreCredentials(String clientId, Secret secret, boolean readyMadeToken) {
    this.clientId = clientId;
    this.secret = secret;
    this.readyMadeToken = readyMadeToken;
  }

  /** An API-scope app's Client ID ({@code cs-...}) and Client Secret. */
  public static KoreCredentials clientCredentials(String clientId, Secret clientSecret) {
    requireNonNull(clientId, "clientId");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    return new KoreCredentials(clientId.strip(), requireNonNull(clientSecret, "clientSecret"), false);
  }

  /** A JWT minted elsewhere, sent unchanged in every request. */
  public static KoreCredentials token(Secret token) {
    return new KoreCredentials(null, requireNonNull(token, "token"), true);
  }

  /** The client id, absent for a ready-made token. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  boolean isReadyMadeToken() {
    return readyMadeToken;
  }

  Secret secret() {
    return secret;
  }

  @Override
  public String toString() {
    return readyMadeToken ? "KoreCredentials[token=redacted]" : "KoreCredentials[clientId=" + clientId + ", secret=redacted]";
  }
}
