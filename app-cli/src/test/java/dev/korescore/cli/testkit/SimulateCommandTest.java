package dev.korescore.cli.testkit;

import dev.korescore.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.testkit.simulator.Fault;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine() {
    return CliRun.korescore(out, err);
  }

  private String awaitLine(String prefix) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(prefix) + "\\s+(.+)$").matcher(out.toString());
      if (m.find()) {
        return m.group(1).strip();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line '" + prefix + "' in: " + out);
  }

  private static String token(String clientId, String secret) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .claim("appId", clientId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString()).build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @Test
  void servesGeneratedDataWithTheSecretInAPrivateFileAndAppliesFaults() throws Exception {
    Path secretFile = dir.resolve("sim.secret");
    CommandLine commandLine = commandLine();
    SimulateCommand command = (SimulateCommand) commandLine.getSubcommands().get("simulate").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
        "simulate", "--records", "120", "--seed", "4", "--secret-file", secretFile.toString(), "--fault", "503:2s"));
    try {
      String endpoint = awaitLine("endpoint       POST");
      String account = awaitLine("account id");
      String clientId = awaitLine("client id");
      assertThat(awaitLine("client secret")).contains(secretFile.toAbsolutePath().toString());
      assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String secret = Files.readString(secretFile).strip();
      assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
      assertThat(out.toString()).contains("listening on http://127.0.0.1:").doesNotContain(secret);
      assertThat(out.toString()).contains("fault          " + Fault.status(503).retryAfter(Duration.ofSeconds(2)).describe() + " once");

      HttpClient http = HttpClient.newHttpClient();
      String body = "{\"startDate\":\"2024-07-15 00:00:00\",\"endDate\":\"2024-07-22 00:00:00\",\"limit\":100,\"page\":1}";
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
          .header("Content-Type", "application/json").header("accountId", account).header("orgId", "o-test")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> faulted = http.send(request.copy().header("auth", token(clientId, secret)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(faulted.statusCode()).isEqualTo(503);
      assertThat(faulted.headers().firstValue("Retry-After")).hasValue("2");
      HttpResponse<String> ok = http.send(request.copy().header("auth", token(clientId, secret)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"totalResults\":120").contains("\"hasMore\":true");
    } finally {
      command.stop.countDown();
    }
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("Stopped after serving 2 requests.");
    assertThat(secretFile).as("the secret file is removed when the simulator stops").doesNotExist();
  }

  @Test
  void exitsAfterTheGivenTime() {
    assertThat(commandLine().execute("simulate", "--records", "10", "--exit-after", "0",
        "--secret-file", dir.resolve("s").toString())).isZero();
    assertThat(out.toString()).contains("Stopping after 0 s.").contains("Stopped after serving 0 requests.");
    assertThat(dir.resolve("s")).doesNotExist();
  }

  @Test
  void badFaultsAreUsageErrors() {
    assertThat(commandLine().execute("simulate", "--fault", "explode")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(err.toString()).contains("--fault must be");
  }

  @Test
  void parsesFaultSpecs() {
    assertThat(FaultSpec.parse("429:2s").fault()).isEqualTo(Fault.status(429).retryAfter(Duration.ofSeconds(2)));
    assertThat(FaultSpec.parse("500*3")).isEqualTo(new FaultSpec(Fault.status(500), 3, false));
    assertThat(FaultSpec.parse("latency:200*always")).isEqualTo(new FaultSpec(Fault.latency(Duration.ofMillis(200)), 1, true));
    assertThat(FaultSpec.parse("duplicate:4").fault()).isEqualTo(Fault.duplicateAcrossPages(4));
    assertThat(FaultSpec.parse("truncated").fault()).isEqualTo(Fault.truncatedBody());
    assertThat(FaultSpec.parse("malformed").fault()).isEqualTo(Fault.malformedBody());
    assertThat(FaultSpec.parse("unauthorized").fault()).isEqualTo(Fault.unauthorized());
  }
}
