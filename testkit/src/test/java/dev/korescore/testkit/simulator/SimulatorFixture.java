package dev.korescore.testkit.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Real JWTs (nimbus) and real HTTP (java.net.http) against a simulator. */
final class SimulatorFixture {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SimulatorFixture() {}

  static String token(String appId, String secret, Instant iat, Instant exp, String jti) {
    try {
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("appId", appId).subject("korescore-test");
      if (iat != null) {
        claims.issueTime(Date.from(iat));
      }
      if (exp != null) {
        claims.expirationTime(Date.from(exp));
      }
      if (jti != null) {
        claims.jwtID(jti);
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String validToken(KoreSimulator sim) {
    Instant now = Instant.now();
    return token(sim.clientId(), sim.clientSecret(), now, now.plusSeconds(300), UUID.randomUUID().toString());
  }

  static HttpResponse<String> post(KoreSimulator sim, PathPreset preset, String token, String body) {
    return post(sim.url(preset), sim.accountId(), token, body);
  }

  /** A request with every header Kore's paths need ({@code iid} and {@code orgId} both). */
  static HttpResponse<String> post(URI url, String accountId, String token, String body) {
    return post(url, accountId, token, body, null);
  }

  /** Like {@link #post(URI, String, String, String)}, without the header {@code omitted}. */
  static HttpResponse<String> post(URI url, String accountId, String token, String body, String omitted) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (String[] header : new String[][] {{"iid", "i-test"}, {"orgId", "o-test"}}) {
      if (!header[0].equals(omitted)) {
        request.header(header[0], header[1]);
      }
    }
    if (accountId != null) {
      request.header("accountId", accountId);
    }
    if (token != null) {
      request.header("auth", token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String body(String start, String end, int limit, int page) {
    return "{\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"limit\":" + limit + ",\"page\":" + page + "}";
  }
}
