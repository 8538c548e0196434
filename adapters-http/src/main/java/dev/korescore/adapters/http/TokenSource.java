package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code auth} header's value: a fresh HS256 JWT per call (claims {@code appId}, {@code sub},
 * {@code iat}, {@code exp}, a random {@code jti}), or a ready-made token.
 */
final class TokenSource {
  static final Duration MAX_LIFETIME = Duration.ofHours(1);

  private final KoreCredentials credentials;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TokenSource(KoreCredentials credentials, Duration lifetime, Clock clock) {
    this.credentials = requireNonNull(credentials, "credentials");
    this.lifetime = requireNonNull(lifetime, "lifetime");
    this.clock = requireNonNull(clock, "clock");
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("token lifetime must be within 1s and 1h, was " + lifetime);
    }
  }

  /** The secret strings that must never be printed: the client secret or the ready-made token. */
  String secretText() {
    return credentials.secret().reveal();
  }

  String token() {
    if (credentials.isReadyMadeToken()) {
      return credentials.secret().reveal();
    }
    String clientId = credentials.clientId().orElseThrow();
    Instant now = clock.instant();
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("appId", clientId)
            .subject(clientId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(HexFormat.of().formatHex(jti))
            .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    byte[] key = credentials.secret().bytes();
    try {
      if (key.length >= 32) {
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
      }
      // Kore accepts any secret length; nimbus insists on 256 bits, so sign short secrets with the JCA.
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature = mac.doFinal(jwt.getSigningInput());
      return new SignedJWT(header.toBase64URL(), claims.toPayload().toBase64URL(), Base64URL.encode(signature))
          .serialize();
    } catch (JOSEException | GeneralSecurityException | java.text.ParseException e) {
      throw new IllegalStateException("cannot sign the JWT with HS256: " + e.getClass().getSimpleName(), e);
    }
  }
}
