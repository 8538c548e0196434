package dev.korescore.adapters.http;

import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetrofitRawDataAdapterTest {
  static final Instant FROM = Instant.parse("2024-07-18T00:00:00Z");
  static final Instant TO = Instant.parse("2024-07-19T00:00:00Z");
  static final Instant NOW = Instant.parse("2024-07-20T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private RetrofitRawDataAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    if (adapter != null) {
      adapter.close();
    }
    server.close();
  }

  private RetrofitRawDataAdapter.Builder builder() {
    return Clients.builder(server)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(4));
  }

  private List<RawRecord> fetchAll(RetrofitRawDataAdapter.Builder builder, FetchRequest request) {
    adapter = builder.build();
    try (RawRecordStream records = adapter.fetch(request)) {
      return records.stream().toList();
    }
  }

  private RawRecordStream open(RetrofitRawDataAdapter.Builder builder) {
    adapter = builder.build();
    return adapter.fetch(FetchRequest.of(FROM, TO));
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static MockResponse page(List<String> ids, long total, int totalPages, boolean hasMore) {
    List<String> recs = ids.stream().map(id -> FakeKore.record(id, FROM.plusSeconds(5))).toList();
    return ok(FakeKore.envelope(recs, total, totalPages, hasMore));
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private JsonNode body(RecordedRequest request) throws Exception {
    return FakeKore.MAPPER.readTree(request.getBody().utf8());
  }

  @ParameterizedTest
  @EnumSource(ApiPreset.class)
  void eachPresetPostsToItsPathWithItsHeaders(ApiPreset preset) throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder().api(preset), FetchRequest.of(FROM, TO))).hasSize(1);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    String expected = switch (preset) {
      case LEGACY -> "/api/public/QualityManagement/account/" + Clients.ACCOUNT + "/v1/RawData";
      case APP -> "/api/v1/public/qualitymanagement/app/" + Clients.STREAM + "/rawdata";
      case QUALITYAI -> "/qualityai/api/v1/public/qualitymanagement/app/" + Clients.STREAM + "/rawdata";
      case AGENTASSIST -> "/agentassist/api/v1/public/qualitymanagement/app/" + Clients.STREAM + "/rawdata";
    };
    assertThat(request.getTarget()).isEqualTo(expected);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("accountId")).isEqualTo(Clients.ACCOUNT);
    assertThat(request.getHeaders().get("auth")).doesNotStartWith("Bearer").contains(".");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("iid")).isEqualTo(preset == ApiPreset.APP ? Clients.STREAM : null);
    assertThat(request.getHeaders().get("orgId"))
        .isEqualTo(preset == ApiPreset.QUALITYAI || preset == ApiPreset.AGENTASSIST ? Clients.ORG : null);
  }

  @Test
  void theBodyCarriesUtcDatesInTheSpaceFormatTheLimitAndThePage() throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().pageSize(50), FetchRequest.of(FROM, TO));
    JsonNode body = body(server.takeRequest());
    assertThat(body.get("startDate").asText()).isEqualTo("2024-07-18 00:00:00");
    assertThat(body.get("endDate").asText()).isEqualTo("2024-07-19 00:00:00");
    assertThat(body.get("limit").asInt()).isEqualTo(50);
    assertThat(body.get("page").asInt()).isEqualTo(1);
    assertThat(body.has("channel")).isFalse();
    assertThat(body.has("queues")).isFalse();
  }

  @Test
  void isoDatesAndChannelAndQueueFiltersAreOptions() throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().dateFormat(KoreDateFormat.ISO),
        FetchRequest.of(FROM, TO).withChannels(List.of("korevg", "chat")).withQueues(List.of("qu-1")));
    JsonNode body = body(server.takeRequest());
    assertThat(body.get("startDate").asText()).isEqualTo("2024-07-18T00:00:00.000Z");
    assertThat(body.get("endDate").asText()).isEqualTo("2024-07-19T00:00:00.000Z");
    assertThat(body.get("channel").toString()).isEqualTo("[\"korevg\",\"chat\"]");
    assertThat(body.get("queues").toString()).isEqualTo("[\"qu-1\"]");
  }

  @Test
  void everyRequestCarriesAFreshHs256TokenWithTheDocumentedClaims() throws Exception {
    server.enqueue(page(List.of("c-1"), 2, 2, true));
    server.enqueue(page(List.of("c-2"), 2, 2, false));
    fetchAll(builder().pageSize(1).tokenLifetime(Duration.ofMinutes(30)), FetchRequest.of(FROM, TO));
    List<String> jtis = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SignedJWT jwt = SignedJWT.parse(server.takeRequest().getHeaders().get("auth"));
      assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
      assertThat(jwt.verify(new MACVerifier(Clients.SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
      var claims = jwt.getJWTClaimsSet();
      assertThat(claims.getStringClaim("appId")).isEqualTo(Clients.CLIENT_ID);
      assertThat(claims.getSubject()).isEqualTo(Clients.CLIENT_ID);
      assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
      assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
      assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(16);
      jtis.add(claims.getJWTID());
    }
    assertThat(jtis).doesNotHaveDuplicates();
  }

  @Test
  void aShortSecretStillSignsAVerifiableToken() throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().credentials(KoreCredentials.clientCredentials("cs-x", Secret.of("short"))), FetchRequest.of(FROM, TO));
    SignedJWT jwt = SignedJWT.parse(server.takeRequest().getHeaders().get("auth"));
    byte[] key = "short".getBytes(StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    assertThat(com.nimbusds.jose.util.Base64URL.encode(mac.doFinal(jwt.getSigningInput()))).isEqualTo(jwt.getSignature());
    assertThat(jwt.getJWTClaimsSet().getStringClaim("appId")).isEqualTo("cs-x");
  }

  @Test
  void aReadyMadeTokenIsSentAsIs() throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().credentials(KoreCredentials.token(Secret.of("eyJhbGciOiJIUzI1NiJ9.e30.sig"))), FetchRequest.of(FROM, TO));
    assertThat(server.takeRequest().getHeaders().get("auth")).isEqualTo("eyJhbGciOiJIUzI1NiJ9.e30.sig");
  }

  @Test
  void aHostWithDoubledSlashesIsNormalisedAndPlainHttpIsOnlyForLoopback() throws Exception {
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().host("http://127.0.0.1:" + server.getPort() + "//"), FetchRequest.of(FROM, TO));
    assertThat(server.takeRequest().getTarget()).startsWith("/qualityai/api/v1/");

    assertThatThrownBy(() -> builder().host("http://platform.kore.ai").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThat(HostUrl.parse("https://platform.kore.ai//").toString()).isEqualTo("https://platform.kore.ai/");
    assertThatThrownBy(() -> HostUrl.parse("platform.kore.ai"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with https://");
    assertThatThrownBy(() -> HostUrl.parse("127.0.0.1:8080"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with https://");
    assertThatThrownBy(() -> HostUrl.parse("https://user:hunter2@platform.kore.ai/x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name or password")
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("platform.kore.ai");
    assertThatThrownBy(() -> HostUrl.parse("hunter2@platform.kore.ai"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    assertThat(HostUrl.parse("https://h.example//prefix//").encodedPath()).isEqualTo("/prefix/");
    assertThat(HostUrl.isLoopback("localhost")).isTrue();
    assertThat(HostUrl.isLoopback("127.10.0.1")).isTrue();
    assertThat(HostUrl.isLoopback("::1")).isTrue();
    assertThat(HostUrl.isLoopback("127.0.0.1.evil.com")).isFalse();
    assertThat(HostUrl.isLoopback("128.0.0.1")).isFalse();
  }

  @Test
  void missingSettingsAreNamed() {
    assertThatThrownBy(() -> builder().orgId(null).build()).hasMessageContaining("orgId");
    assertThatThrownBy(() -> builder().streamId(" ").build()).hasMessageContaining("streamId");
    assertThatThrownBy(() -> builder().pageSize(101).build()).hasMessageContaining("pageSize").hasMessageContaining("101");
    assertThatThrownBy(() -> builder().tokenLifetime(Duration.ofHours(2)).build()).hasMessageContaining("1h");
    assertThat(builder().api(ApiPreset.LEGACY).streamId(null).orgId(null).build()).isNotNull();
  }

  @Test
  void pagesUntilHasMoreIsFalseKeepingEachRecordsTextExactly() throws Exception {
    String tricky = "{\n\t\"Conversation ID\" : \"c-3\",  \"x\": [1, 2.50, {\"y\": \"}\\\"]\"}], \"n\": 1e3\n}";
    server.enqueue(page(List.of("c-1", "c-2"), 5, 3, true));
    server.enqueue(ok(FakeKore.envelope(List.of(tricky, FakeKore.record("c-4", FROM)), 5, 3, true)));
    server.enqueue(ok("{\"hasMore\": false, \"totalPages\": 3, \"results\": [{\"conversationId\":\"c-5\"}], \"totalResults\": 5}"));
    adapter = builder().pageSize(2).build();
    try (RawRecordStream records = adapter.fetch(FetchRequest.of(FROM, TO))) {
      List<RawRecord> all = records.stream().toList();
      assertThat(all).extracting(r -> r.conversationId().value()).containsExactly("c-1", "c-2", "c-3", "c-4", "c-5");
      assertThat(all.get(2).json()).isEqualTo(tricky);
      assertThat(all.get(2).jsonLine()).doesNotContain("\n").isEqualTo(tricky.replace('\n', ' '));
      assertThat(all.get(4).json()).isEqualTo("{\"conversationId\":\"c-5\"}");
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.complete()).isTrue();
      assertThat(ledger.pages()).isEqualTo(3);
      assertThat(ledger.totalReported()).hasValue(5);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    server.takeRequest();
    assertThat(body(server.takeRequest()).get("page").asInt()).isEqualTo(2);
    assertThat(body(server.takeRequest()).get("page").asInt()).isEqualTo(3);
  }

  @Test
  void theSeedsOwnSampleIsReportedIncomplete() {
    server.enqueue(page(List.of("c-1", "c-2"), 9, 1, false));
    try (RawRecordStream records = open(builder())) {
      assertThat(records.stream().count()).isEqualTo(2);
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.complete()).isFalse();
      assertThat(ledger.describe()).contains("total=9").contains("received=2").contains("INCOMPLETE");
    }
  }

  @Test
  void duplicatesAcrossPagesAreDroppedAndCounted() {
    server.enqueue(page(List.of("c-1", "c-2"), 3, 2, true));
    server.enqueue(page(List.of("c-2", "c-3"), 3, 2, false));
    try (RawRecordStream records = open(builder().pageSize(2))) {
      assertThat(records.stream().map(r -> r.conversationId().value())).containsExactly("c-1", "c-2", "c-3");
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.duplicatesDropped()).isEqualTo(1);
      assertThat(ledger.complete()).isTrue();
    }
  }

  @Test
  void aRepeatAcrossPagesOfOneWindowIsDroppedWhenTheWindowHasManyPages() {
    FakeKore fake = new FakeKore();
    for (int i = 0; i < 6; i++) {
      fake.add("c-" + i, FROM.plusSeconds(60L * i));
    }
    fake.dataset.add(new FakeKore.Rec("c-2", FROM.plusSeconds(120), FakeKore.record("c-2", FROM.plusSeconds(120))));
    server.setDispatcher(fake);
    try (RawRecordStream records = open(builder().pageSize(2))) {
      assertThat(records.stream().map(r -> r.conversationId().value()))
          .containsExactly("c-0", "c-1", "c-2", "c-3", "c-4", "c-5");
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.pages()).isEqualTo(4);
      assertThat(ledger.duplicatesDropped()).isEqualTo(1);
      assertThat(ledger.seenInEarlierWindows()).isZero();
    }
  }

  @Test
  void aRecordWithoutAStartTimeRepeatedInALaterWindowIsDroppedAndCountedAsEarlier() {
    Instant day2 = TO.plusSeconds(5);
    String undated = "{\"conversationId\":\"c-undated\"}";
    server.enqueue(ok(FakeKore.envelope(List.of(FakeKore.record("c-1", FROM.plusSeconds(5)), undated), 2, 1, false)));
    server.enqueue(ok(FakeKore.envelope(List.of(undated, FakeKore.record("c-2", day2)), 2, 1, false)));
    adapter = builder().build();
    try (RawRecordStream records = adapter.fetch(FetchRequest.of(FROM, TO.plus(Duration.ofDays(1))))) {
      assertThat(records.stream().map(r -> r.conversationId().value())).containsExactly("c-1", "c-undated", "c-2");
      WindowLedger second = records.ledgers().get(1);
      assertThat(second.received()).isEqualTo(1);
      assertThat(second.duplicatesDropped()).isEqualTo(1);
      assertThat(second.seenInEarlierWindows()).isEqualTo(1);
      assertThat(second.complete()).isTrue();
    }
  }

  @Test
  void theIdsRememberedStayWithinOneWindowWhateverTheRequestsLength() {
    FakeKore fake = new FakeKore();
    int days = 8;
    int perDay = 30;
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        fake.add("c-" + d + "-" + i, FROM.plus(Duration.ofDays(d)).plusSeconds(60L * i + 1));
      }
    }
    server.setDispatcher(fake);
    adapter = builder().pageSize(7).concurrency(2).build();
    int[] most = {0};
    WindowedRecordStream[] stream = {null};
    FetchListener listener = new FetchListener() {
      @Override
      public void pageFetched(dev.korescore.core.fetch.DateWindow window, int page, int records, long total) {
        most[0] = Math.max(most[0], stream[0].rememberedIds());
      }
    };
    try (RawRecordStream records = adapter.fetch(FetchRequest.of(FROM, FROM.plus(Duration.ofDays(days))), listener)) {
      stream[0] = (WindowedRecordStream) records;
      assertThat(records.stream().count()).isEqualTo((long) days * perDay);
      assertThat(records.ledgers()).hasSize(days).allMatch(WindowLedger::complete);
      assertThat(most[0]).isEqualTo(perDay);
      assertThat(stream[0].rememberedIds()).isEqualTo(perDay);
    }
  }

  @Test
  void aRepeatedPageStopsTheLoop() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(page(List.of("c-1", "c-2"), 10, 5, true));
    }
    try (RawRecordStream records = open(builder().pageSize(2))) {
      assertThat(records.stream().count()).isEqualTo(2);
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.notes()).anyMatch(n -> n.contains("repeats records"));
      assertThat(ledger.complete()).isFalse();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyPageWithHasMoreStopsTheLoop() {
    server.enqueue(page(List.of("c-1"), 4, 4, true));
    server.enqueue(page(List.of(), 4, 4, true));
    try (RawRecordStream records = open(builder().pageSize(1))) {
      assertThat(records.stream().count()).isEqualTo(1);
      assertThat(records.ledgers().get(0).notes()).anyMatch(n -> n.contains("empty although hasMore"));
    }
  }

  @Test
  void aServerThatNeverSaysDoneIsStoppedByThePageGuard() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(page(List.of("c-" + i), 1, 1, true));
    }
    try (RawRecordStream records = adapter(builder().pageSize(1).maxPages(3))) {
      assertThat(records.stream().count()).isEqualTo(3);
      assertThat(records.ledgers().get(0).notes()).anyMatch(n -> n.contains("page guard"))
          .anyMatch(n -> n.contains("beyond totalPages"));
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  private RawRecordStream adapter(RetrofitRawDataAdapter.Builder builder) {
    return open(builder);
  }

  @Test
  void aWindowLargerThanPagingCanReachIsBisected() throws Exception {
    FakeKore fake = new FakeKore();
    for (int i = 0; i < 10; i++) {
      fake.add("c-" + i, FROM.plus(Duration.ofHours(2 * i + 1)));
    }
    server.setDispatcher(fake);
    try (RawRecordStream records = open(builder().pageSize(2).maxPages(2))) {
      assertThat(records.stream().map(r -> r.conversationId().value()))
          .containsExactlyElementsOf(fake.dataset.stream().map(FakeKore.Rec::id).toList());
      WindowLedger ledger = records.ledgers().get(0);
      assertThat(ledger.window().start()).isEqualTo(FROM);
      assertThat(ledger.complete()).isTrue();
      assertThat(ledger.totalReported()).hasValue(10);
      assertThat(ledger.notes()).anyMatch(n -> n.startsWith("bisected"));
    }
  }

  @Test
  void concurrentPagesStillComeOutInOrderExactlyOnce() {
    FakeKore fake = new FakeKore();
    for (int i = 0; i < 50; i++) {
      fake.add(String.format("c-%03d", i), FROM.plusSeconds(60L * i));
    }
    server.setDispatcher(fake);
    List<RawRecord> all = fetchAll(builder().pageSize(3).concurrency(4), FetchRequest.of(FROM, TO.plus(Duration.ofDays(1))));
    assertThat(all).extracting(r -> r.conversationId().value())
        .containsExactlyElementsOf(fake.dataset.stream().map(FakeKore.Rec::id).toList());
  }

  @Test
  void a429WithRetryAfterSecondsWaitsThatLong() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
        .body("{\"errors\":[{\"msg\":\"You've exceeded the per-minute rate limit\",\"code\":429}]}").build());
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder(), FetchRequest.of(FROM, TO))).hasSize(1);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a429WithAnHttpDateRetryAfterWaitsUntilThenCappedByTheRetryAfterCap() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(12), ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date).build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().retryPolicy(RetryPolicy.defaults().withRetryAfterCap(Duration.ofSeconds(90))), FetchRequest.of(FROM, TO));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(90));
  }

  @Test
  void a429WithoutRetryAfterBacksOffWithFullJitterWithinTheCeiling() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(429, ""));
    }
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    fetchAll(builder().retryPolicy(RetryPolicy.defaults().withDelays(Duration.ofSeconds(1), Duration.ofSeconds(30))),
        FetchRequest.of(FROM, TO));
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
    assertThat(sleeps).doesNotHaveDuplicates();
  }

  @Test
  void anErrorBodyMentioningTheRateLimitCountsAsThrottling() {
    server.enqueue(status(400, "{\"errors\":[{\"msg\":\"You've exceeded the per-minute rate limit for this account\"}]}"));
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder(), FetchRequest.of(FROM, TO))).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void persistentThrottlingEndsAsRateLimitedWithTheWait() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "5").build());
    }
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext)
          .isInstanceOfSatisfying(FetchException.RateLimited.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(e.status()).hasValue(429);
            assertThat(e.request().page()).isEqualTo(1);
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void a500IsRetriedThenSucceeds() {
    server.enqueue(status(500, "oops"));
    server.enqueue(status(503, ""));
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder(), FetchRequest.of(FROM, TO))).hasSize(1);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void persistent500sEndAsServerErrorNamingTheRequest() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(500, "{\"errors\":[{\"msg\":\"Internal error\"}]}"));
    }
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext)
          .isInstanceOf(FetchException.ServerError.class)
          .hasMessageContaining("HTTP 500")
          .hasMessageContaining("Internal error")
          .hasMessageContaining("POST /qualityai/api/v1/public/qualitymanagement/app/" + Clients.STREAM + "/rawdata")
          .hasMessageContaining("window 2024-07-18T00:00:00Z/2024-07-19T00:00:00Z page 1")
          .hasMessageContaining("gave up after 4 attempts over ")
          .hasMessageContaining("(--max-attempts 4)");
    }
  }

  @Test
  void theRetryBudgetGrowsWithEveryPageFetched() {
    server.enqueue(page(List.of("c-1"), 3, 3, true));
    server.enqueue(status(500, ""));
    server.enqueue(page(List.of("c-2"), 3, 3, true));
    server.enqueue(status(500, ""));
    server.enqueue(status(503, ""));
    server.enqueue(page(List.of("c-3"), 3, 3, false));
    List<RawRecord> records = fetchAll(builder().retryPolicy(RetryPolicy.defaults().withBudget(1)), FetchRequest.of(FROM, TO));
    assertThat(records).extracting(r -> r.conversationId().value()).containsExactly("c-1", "c-2", "c-3");
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void aSpentBudgetSaysSoWithTheAttemptsMade() {
    server.enqueue(status(500, ""));
    server.enqueue(status(500, ""));
    try (RawRecordStream records = open(builder().retryPolicy(RetryPolicy.defaults().withBudget(1)))) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.ServerError.class)
          .hasMessageContaining("gave up after 2 attempts over ")
          .hasMessageContaining("retry budget is spent (--retry-budget 1, plus two per page fetched)");
    }
  }

  @Test
  void maxWaitCapsBothTheBackoffAndRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
    server.enqueue(status(500, ""));
    server.enqueue(status(500, ""));
    server.enqueue(status(500, ""));
    server.enqueue(status(500, ""));
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(10).withMaxWait(Duration.ofSeconds(3));
    assertThat(fetchAll(builder().retryPolicy(policy), FetchRequest.of(FROM, TO))).hasSize(1);
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(sleeps).hasSize(5).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void theRetryBudgetIsSharedByTheWholeFetch() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(500, ""));
    }
    try (RawRecordStream records = open(builder().retryPolicy(RetryPolicy.defaults().withBudget(2)))) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.ServerError.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aTruncatedBodyIsRetried() {
    server.enqueue(ok("{\"results\": [{\"Conversation ID\": \"c-1\", \"Metr"));
    server.enqueue(new MockResponse.Builder().code(200).body(FakeKore.envelope(List.of(FakeKore.record("c-1", FROM)), 1, 1, false))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder(), FetchRequest.of(FROM, TO))).hasSize(1);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aSlowResponseTimesOutPerAttemptAndIsRetried() {
    server.enqueue(new MockResponse.Builder().code(200).body(FakeKore.envelope(List.of(), 0, 0, false))
        .headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder().callTimeout(Duration.ofMillis(300)), FetchRequest.of(FROM, TO))).hasSize(1);
  }

  @Test
  void aSlowServerEndsAsTransportFailure() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    }
    try (RawRecordStream records = open(builder().callTimeout(Duration.ofMillis(200))
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)))) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.TransportFailure.class)
          .hasMessageContaining("timeout");
    }
  }

  @Test
  void aRefusedConnectionEndsAsTransportFailure() throws Exception {
    int port = server.getPort();
    server.close();
    adapter = RetrofitRawDataAdapter.builder().host("http://localhost:" + port).accountId("a").streamId("s").orgId("o")
        .credentials(KoreCredentials.clientCredentials(Clients.CLIENT_ID, Secret.of(Clients.SECRET)))
        .wireFormat(JacksonRawDataWireAdapter.create()).rateLimiter(RateLimiter.unlimited()).sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build();
    try (RawRecordStream records = adapter.fetch(FetchRequest.of(FROM, TO))) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.TransportFailure.class);
    }
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void a401IsRetriedOnceWithAFreshToken() throws Exception {
    server.enqueue(status(401, "{\"errors\":[{\"msg\":\"Invalid SDK credentials\",\"code\":4002}]}"));
    server.enqueue(page(List.of("c-1"), 1, 1, false));
    assertThat(fetchAll(builder(), FetchRequest.of(FROM, TO))).hasSize(1);
    String first = server.takeRequest().getHeaders().get("auth");
    String second = server.takeRequest().getHeaders().get("auth");
    assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
  }

  @Test
  void a401TwiceIsAnAuthenticationFailureWithKoresMessage() {
    server.enqueue(status(401, "{\"errors\":[{\"msg\":\"Invalid SDK credentials\",\"code\":4002}]}"));
    server.enqueue(status(401, "{\"errors\":[{\"msg\":\"Invalid SDK credentials\",\"code\":4002}]}"));
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext)
          .isInstanceOfSatisfying(FetchException.AuthenticationFailed.class, e -> {
            assertThat(e.koreMessage()).isEqualTo("Invalid SDK credentials");
            assertThat(e.status()).hasValue(401);
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anotherClientErrorIsNotRetried() {
    server.enqueue(status(404, "{\"errors\":[{\"msg\":\"Stream not found\"}]}"));
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.ClientError.class)
          .hasMessageContaining("Stream not found").hasMessageContaining("HTTP 404");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutAConversationIdIsADecodeFailureNamingPageAndIndex() {
    server.enqueue(ok(FakeKore.envelope(List.of(FakeKore.record("c-1", FROM), "{\"src\":\"korevg\"}"), 2, 1, false)));
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.DecodeFailure.class)
          .hasMessageContaining("page 1 record 1").hasMessageContaining("no conversation id");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotTheEnvelopeIsADecodeFailure() {
    server.enqueue(ok("<html>maintenance</html>"));
    try (RawRecordStream records = open(builder())) {
      assertThatThrownBy(records::hasNext).isInstanceOf(FetchException.DecodeFailure.class);
    }
  }

  @Test
  void theSecretAndTheTokenNeverAppearInExceptionsOrLogs() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<Throwable> failures = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      server.enqueue(status(500, "echo " + Clients.SECRET));
      server.enqueue(status(401, "{\"errors\":[{\"msg\":\"bad token " + Clients.SECRET + "\"}]}"));
      server.enqueue(status(401, "{\"errors\":[{\"msg\":\"Invalid SDK credentials\"}]}"));
      try (RawRecordStream records = open(builder().logBodies(true))) {
        records.hasNext();
      } catch (FetchException e) {
        failures.add(e);
      }
      server.enqueue(status(400, "{\"errors\":[{\"msg\":\"token eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzIn0.c2ln rejected\"}]}"));
      try (RawRecordStream records = open(builder())) {
        records.hasNext();
      } catch (FetchException e) {
        failures.add(e);
      }
    } finally {
      System.setErr(originalErr);
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tokens.add(server.takeRequest().getHeaders().get("auth"));
    }
    assertThat(failures).hasSize(2);
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("HTTP 500");
    StringBuilder everything = new StringBuilder(logs);
    for (Throwable failure : failures) {
      everything.append(failure.getMessage()).append(failure).append(adapter).append(adapter.endpoint());
    }
    assertThat(everything.toString()).doesNotContain(Clients.SECRET).doesNotContain("eyJ");
    for (String token : tokens) {
      assertThat(everything.toString()).doesNotContain(token);
    }
    assertThat(KoreCredentials.clientCredentials("cs", Secret.of(Clients.SECRET)).toString()).doesNotContain(Clients.SECRET);
    assertThat(Secret.of(Clients.SECRET).toString()).isEqualTo("Secret[redacted]");
  }
}
