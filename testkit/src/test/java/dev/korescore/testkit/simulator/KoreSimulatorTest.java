package dev.korescore.testkit.simulator;

import static dev.korescore.testkit.simulator.SimulatorFixture.body;
import static dev.korescore.testkit.simulator.SimulatorFixture.post;
import static dev.korescore.testkit.simulator.SimulatorFixture.token;
import static dev.korescore.testkit.simulator.SimulatorFixture.validToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KoreSimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL_FROM = "2024-07-15 00:00:00";
  private static final String ALL_TO = "2024-07-20 00:00:00";

  private final InteractionGenerator generator = InteractionGenerator.builder()
      .seed(7).count(250)
      .between(Instant.parse("2024-07-15T00:00:00Z"), Instant.parse("2024-07-20T00:00:00Z"))
      .build();
  private final SimulatorDataset dataset = SimulatorDataset.generated(generator);
  private KoreSimulator sim;

  @BeforeEach
  void start() {
    sim = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(0).build());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> fetch(String body) {
    return post(sim, PathPreset.QUALITYAI, validToken(sim), body);
  }

  private static List<String> ids(JsonNode envelope) {
    List<String> ids = new ArrayList<>();
    for (JsonNode record : envelope.get("results")) {
      JsonNode id = record.has("Conversation ID") ? record.get("Conversation ID") : record.get("conversationId");
      ids.add(id.asText());
    }
    return ids;
  }

  @ParameterizedTest
  @EnumSource(PathPreset.class)
  void pagesTheWholeDatasetUnderEveryPreset(PathPreset preset) {
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      HttpResponse<String> response = post(sim, preset, validToken(sim), body(ALL_FROM, ALL_TO, 100, page));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode envelope = json(response);
      assertThat(envelope.get("totalResults").asLong()).isEqualTo(250);
      assertThat(envelope.get("totalPages").asLong()).isEqualTo(3);
      assertThat(envelope.get("hasMore").asBoolean()).isEqualTo(page < 3);
      assertThat(envelope.get("results")).hasSize(page < 3 ? 100 : 50);
      seen.addAll(ids(envelope));
    }
    List<String> expected = dataset.records().stream().map(DatasetRecord::conversationId).toList();
    assertThat(seen).containsExactlyElementsOf(expected);

    JsonNode beyond = json(post(sim, preset, validToken(sim), body(ALL_FROM, ALL_TO, 100, 4)));
    assertThat(beyond.get("results")).isEmpty();
    assertThat(beyond.get("hasMore").asBoolean()).isFalse();
  }

  @Test
  void servesRecordsVerbatim() {
    JsonNode envelope = json(fetch(body(ALL_FROM, ALL_TO, 1, 1)));
    assertThat(envelope.get("results").get(0).toString()).isEqualTo(dataset.records().get(0).wireJson());
  }

  @Test
  void servesAChangedDatasetFromTheNextRequestOn() {
    DatasetRecord first = dataset.records().get(0);
    dev.korescore.core.model.Interaction changed = generator.stream()
        .filter(g -> g.conversationId().value().equals(first.conversationId())).findFirst().orElseThrow()
        .interaction().toBuilder().koreScore(42).build();
    SimulatorDataset after = dataset.with(List.of(changed), dev.korescore.testkit.wire.KeyStyle.SPACED_2024);
    assertThat(after.size()).isEqualTo(dataset.size());
    assertThat(after.records().subList(1, after.size())).isEqualTo(dataset.records().subList(1, dataset.size()));
    sim.serve(after);
    JsonNode envelope = json(fetch(body(ALL_FROM, ALL_TO, 1, 1)));
    assertThat(envelope.get("results").get(0).get("Kore Evaluation Score").asInt()).isEqualTo(42);
    assertThat(sim.config().dataset()).isSameAs(dataset);
  }

  @Test
  void filtersByStartTimeWithTheStartInclusiveAndTheEndExclusive() {
    DatasetRecord tenth = dataset.records().get(10);
    DatasetRecord fiftieth = dataset.records().get(50);
    String from = tenth.startTime().toString();
    String to = fiftieth.startTime().toString();
    JsonNode envelope = json(fetch(body(from, to, 100, 1)));
    assertThat(envelope.get("totalResults").asLong()).isEqualTo(40);
    assertThat(ids(envelope).get(0)).isEqualTo(tenth.conversationId());
    assertThat(ids(envelope)).doesNotContain(fiftieth.conversationId());
  }

  @Test
  void acceptsTheSpacedFormatAndIsoAlike() {
    long expected = dataset.records().stream()
        .filter(r -> !r.startTime().isBefore(Instant.parse("2024-07-16T00:00:00Z"))
            && r.startTime().isBefore(Instant.parse("2024-07-17T00:00:00Z")))
        .count();
    assertThat(json(fetch(body("2024-07-16 00:00:00", "2024-07-17 00:00:00", 100, 1))).get("totalResults").asLong())
        .isEqualTo(expected);
    assertThat(json(fetch(body("2024-07-16T00:00:00.000Z", "2024-07-17T00:00:00.000Z", 100, 1))).get("totalResults").asLong())
        .isEqualTo(expected);
    assertThat(expected).isPositive();
  }

  @Test
  void filtersByChannelAndQueue() {
    long chats = dataset.records().stream().filter(r -> r.channel().orElse("").equals("chat")).count();
    String chatBody = "{\"startDate\":\"" + ALL_FROM + "\",\"endDate\":\"" + ALL_TO + "\",\"limit\":100,\"channel\":[\"chat\"]}";
    JsonNode chat = json(fetch(chatBody));
    assertThat(chat.get("totalResults").asLong()).isEqualTo(chats).isPositive();
    chat.get("results").forEach(record -> assertThat(record.get("src").asText()).isEqualTo("chat"));

    String queueId = generator.queues().get(0).id().orElseThrow();
    long inQueue = dataset.records().stream().filter(r -> r.queues().contains(queueId)).count();
    String queueBody = "{\"startDate\":\"" + ALL_FROM + "\",\"endDate\":\"" + ALL_TO + "\",\"limit\":100,\"queues\":[\"" + queueId + "\"]}";
    assertThat(json(fetch(queueBody)).get("totalResults").asLong()).isEqualTo(inQueue).isPositive();
  }

  @Test
  void refusesALimitOver100AndBadDatesWithKoreStyleErrors() {
    HttpResponse<String> response = fetch(body(ALL_FROM, ALL_TO, 101, 1));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/errors/0/code").asInt()).isEqualTo(400);
    assertThat(json(response).at("/errors/0/msg").asText()).contains("limit");

    assertThat(fetch(body("yesterday", ALL_TO, 10, 1)).statusCode()).isEqualTo(400);
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 0)).statusCode()).isEqualTo(400);
    assertThat(fetch("{\"endDate\":\"" + ALL_TO + "\"}").statusCode()).isEqualTo(400);
  }

  private void assertUnauthorized(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).at("/errors/0/code").asInt()).isEqualTo(401);
    assertThat(json(response).at("/errors/0/msg").asText()).contains(message);
    assertThat(response.body()).doesNotContain(sim.clientSecret());
  }

  @Test
  void refusesABadSignature() {
    Instant now = Instant.now();
    String forged = token(sim.clientId(), SimulatorConfig.randomSecret(), now, now.plusSeconds(60), "j-1");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, forged, body(ALL_FROM, ALL_TO, 10, 1)), "bad signature");
  }

  @Test
  void refusesAWrongAppId() {
    Instant now = Instant.now();
    String other = token("cs-someone-else", sim.clientSecret(), now, now.plusSeconds(60), "j-2");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, other, body(ALL_FROM, ALL_TO, 10, 1)), "appId");
  }

  @Test
  void refusesExpiredTooLongAndJtiLessTokensAndAMissingToken() {
    Instant now = Instant.now();
    String expired = token(sim.clientId(), sim.clientSecret(), now.minusSeconds(120), now.minusSeconds(60), "j-3");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, expired, body(ALL_FROM, ALL_TO, 10, 1)), "expired");
    String tooLong = token(sim.clientId(), sim.clientSecret(), now, now.plus(Duration.ofMinutes(61)), "j-4");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, tooLong, body(ALL_FROM, ALL_TO, 10, 1)), "at most");
    String noExp = token(sim.clientId(), sim.clientSecret(), now, null, "j-5");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, noExp, body(ALL_FROM, ALL_TO, 10, 1)), "exp");
    String noJti = token(sim.clientId(), sim.clientSecret(), now, now.plusSeconds(60), null);
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, noJti, body(ALL_FROM, ALL_TO, 10, 1)), "jti");
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, null, body(ALL_FROM, ALL_TO, 10, 1)), "auth");
  }

  @Test
  void refusesAReplayedJti() {
    String once = validToken(sim);
    assertThat(post(sim, PathPreset.QUALITYAI, once, body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
    assertUnauthorized(post(sim, PathPreset.QUALITYAI, once, body(ALL_FROM, ALL_TO, 10, 1)), "replay");
  }

  @Test
  void checksTheAccountIdHeaderAndTheStream() {
    assertThat(post(sim.url(PathPreset.APP), null, validToken(sim), body(ALL_FROM, ALL_TO, 10, 1)).statusCode())
        .isEqualTo(401);
    assertThat(post(sim.url(PathPreset.APP), "someone-else", validToken(sim), body(ALL_FROM, ALL_TO, 10, 1)).statusCode())
        .isEqualTo(401);
    java.net.URI otherStream = java.net.URI.create(sim.baseUrl() + PathPreset.APP.path(sim.accountId(), "st-other"));
    assertThat(post(otherStream, sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1)).statusCode())
        .isEqualTo(404);
    java.net.URI doubled = java.net.URI.create(sim.baseUrl() + "/" + PathPreset.LEGACY.path(sim.accountId(), sim.streamId()));
    assertThat(post(doubled, sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void appPathsNeedTheirOrganisationOrInstanceHeader() {
    for (PathPreset preset : List.of(PathPreset.QUALITYAI, PathPreset.AGENTASSIST)) {
      HttpResponse<String> response =
          post(sim.url(preset), sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1), "orgId");
      assertThat(response.statusCode()).as(preset.name()).isEqualTo(400);
      assertThat(response.body()).contains("orgId header is required");
      assertThat(post(sim.url(preset), sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1), "iid")
          .statusCode()).as(preset.name()).isEqualTo(200);
    }
    HttpResponse<String> app =
        post(sim.url(PathPreset.APP), sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1), "iid");
    assertThat(app.statusCode()).isEqualTo(400);
    assertThat(app.body()).contains("iid header is required for the app path");
    assertThat(post(sim.url(PathPreset.LEGACY), sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1), "iid")
        .statusCode()).isEqualTo(200);
    assertThat(post(sim.url(PathPreset.LEGACY), sim.accountId(), validToken(sim), body(ALL_FROM, ALL_TO, 10, 1),
        "orgId").statusCode()).isEqualTo(200);
  }

  @Test
  void enforcesThePerAccountRateLimit() {
    try (KoreSimulator limited = KoreSimulator.start(SimulatorConfig.builder().dataset(dataset).rateLimitPerMinute(3).build())) {
      for (int i = 0; i < 3; i++) {
        assertThat(post(limited, PathPreset.QUALITYAI, validToken(limited), body(ALL_FROM, ALL_TO, 10, 1)).statusCode())
            .isEqualTo(200);
      }
      HttpResponse<String> over = post(limited, PathPreset.QUALITYAI, validToken(limited), body(ALL_FROM, ALL_TO, 10, 1));
      assertThat(over.statusCode()).isEqualTo(429);
      assertThat(json(over).at("/errors/0/msg").asText()).startsWith("You've exceeded the per-minute rate limit");
      assertThat(json(over).at("/errors/0/code").asInt()).isEqualTo(429);
      assertThat(over.headers().firstValue("Retry-After")).isEmpty();
    }
  }

  @Test
  void injectsA429WithAndWithoutRetryAfterThenRecovers() {
    sim.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(2))).next(Fault.status(429));
    HttpResponse<String> first = fetch(body(ALL_FROM, ALL_TO, 10, 1));
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(json(first).at("/errors/0/msg").asText()).contains("rate limit");
    HttpResponse<String> second = fetch(body(ALL_FROM, ALL_TO, 10, 1));
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
    assertThat(sim.faults().pending()).isZero();
  }

  @Test
  void injectsServerErrorsForTheNextN() {
    sim.faults().next(2, Fault.status(500));
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(500);
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(500);
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void injectsATruncatedBody() {
    sim.faults().next(Fault.truncatedBody());
    assertThatThrownBy(() -> fetch(body(ALL_FROM, ALL_TO, 100, 1))).isInstanceOf(UncheckedIOException.class);
    assertThat(fetch(body(ALL_FROM, ALL_TO, 100, 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void injectsAMalformedBody() {
    sim.faults().next(Fault.malformedBody());
    HttpResponse<String> response = fetch(body(ALL_FROM, ALL_TO, 100, 1));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(IOException.class);
  }

  @Test
  void injectsAnUnauthorized() {
    sim.faults().next(Fault.unauthorized());
    HttpResponse<String> response = fetch(body(ALL_FROM, ALL_TO, 10, 1));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).at("/errors/0/code").asInt()).isEqualTo(4002);
    assertThat(json(response).at("/errors/0/msg").asText()).isEqualTo("Invalid SDK credentials");
  }

  @Test
  void injectsLatencyForEveryRequestUntilCleared() {
    sim.faults().always(Fault.latency(Duration.ofMillis(30)));
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
    sim.faults().clear();
    assertThat(fetch(body(ALL_FROM, ALL_TO, 10, 1)).statusCode()).isEqualTo(200);
    assertThat(sim.requests()).extracting(RecordedRequest::fault)
        .containsExactly(java.util.Optional.of("latency 30 ms"), java.util.Optional.of("latency 30 ms"), java.util.Optional.empty());
  }

  @Test
  void repeatsRecordsAcrossPages() {
    List<String> page1 = ids(json(fetch(body(ALL_FROM, ALL_TO, 20, 1))));
    sim.faults().next(Fault.duplicateAcrossPages(5));
    JsonNode page2 = json(fetch(body(ALL_FROM, ALL_TO, 20, 2)));
    List<String> ids2 = ids(page2);
    assertThat(ids2).hasSize(25);
    assertThat(ids2.subList(0, 5)).containsExactlyElementsOf(page1.subList(15, 20));
    assertThat(page2.get("totalResults").asLong()).isEqualTo(250);
  }

  @Test
  void recordsRequestsWithTheAuthHeaderRedactedAndTheClaimsDecoded() {
    fetch(body(ALL_FROM, ALL_TO, 10, 1));
    fetch(body(ALL_FROM, ALL_TO, 101, 1));
    List<RecordedRequest> requests = sim.requests();
    assertThat(requests).hasSize(2);
    RecordedRequest first = requests.get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo(PathPreset.QUALITYAI.path(sim.accountId(), sim.streamId()));
    assertThat(first.header("auth")).hasValue(RecordedRequest.REDACTED);
    assertThat(first.header("accountId")).hasValue(sim.accountId());
    assertThat(first.claim("appId")).hasValue(sim.clientId());
    assertThat(first.claim("jti")).isPresent();
    assertThat(first.claim("exp")).isPresent();
    assertThat(first.body()).contains("\"limit\":10");
    assertThat(first.status()).isEqualTo(200);
    assertThat(requests.get(1).status()).isEqualTo(400);
    assertThat(requests.toString()).doesNotContain(sim.clientSecret()).doesNotContain("eyJ");
    sim.clearRequests();
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  void servesConcurrentClients() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int page = 1 + i % 3;
        statuses.add(pool.submit(() -> fetch(body(ALL_FROM, ALL_TO, 100, page)).statusCode()));
      }
      Set<Integer> seen = new HashSet<>();
      for (Future<Integer> status : statuses) {
        seen.add(status.get());
      }
      assertThat(seen).containsExactly(200);
      assertThat(sim.requests()).hasSize(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void describesItselfWithoutTheSecret() {
    assertThat(sim.toString()).contains(sim.baseUrl()).contains("REDACTED").doesNotContain(sim.clientSecret());
    assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
  }
}
