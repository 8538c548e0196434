package dev.korescore.adapters.http;

import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.fetch.FetchException;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.RecordedRequest;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the testkit's Kore simulator over real loopback HTTP, JWTs checked by the server. */
class KoreSimulatorIntegrationTest {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  static final Instant TO = Instant.parse("2024-07-22T00:00:00Z");

  static KoreSimulator sim;
  static List<DatasetRecord> dataset;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startSimulator() {
    SimulatorDataset data = SimulatorDataset.generated(InteractionGenerator.builder().seed(7).count(300).build());
    dataset = data.records();
    sim = KoreSimulator.start(SimulatorConfig.builder().dataset(data).rateLimitPerMinute(0).build());
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.faults().clear();
    sim.clearRequests();
  }

  RetrofitRawDataAdapter.Builder client() {
    return RetrofitRawDataAdapter.builder()
        .host(sim.baseUrl() + "//")
        .accountId(sim.accountId())
        .streamId(sim.streamId())
        .orgId("o-test")
        .credentials(KoreCredentials.clientCredentials(sim.clientId(), Secret.of(sim.clientSecret())))
        .wireFormat(JacksonRawDataWireAdapter.create())
        .rateLimiter(RateLimiter.unlimited(System::nanoTime, d -> {}))
        .random(new Random(1))
        .sleeper(sleeps::add)
        .pageSize(25);
  }

  List<RawRecord> fetchAll(RetrofitRawDataAdapter.Builder builder, List<WindowLedger> ledgers) {
    try (RetrofitRawDataAdapter adapter = builder.build();
        RawRecordStream records = adapter.fetch(FetchRequest.of(FROM, TO))) {
      List<RawRecord> all = records.stream().toList();
      ledgers.addAll(records.ledgers());
      return all;
    }
  }

  void assertEverythingOnceInOrder(List<RawRecord> records, List<WindowLedger> ledgers) {
    assertThat(records).extracting(r -> r.conversationId().value())
        .containsExactlyElementsOf(dataset.stream().map(DatasetRecord::conversationId).toList());
    assertThat(records).extracting(RawRecord::json)
        .containsExactlyElementsOf(dataset.stream().map(DatasetRecord::wireJson).toList());
    assertThat(ledgers).hasSize(7).allMatch(WindowLedger::complete);
  }

  @ParameterizedTest
  @EnumSource(ApiPreset.class)
  void pagesTheWholeRangeUnderEveryPresetWithTokensTheServerAccepts(ApiPreset preset) {
    List<WindowLedger> ledgers = new ArrayList<>();
    List<RawRecord> records = fetchAll(client().api(preset), ledgers);
    assertEverythingOnceInOrder(records, ledgers);
    List<RecordedRequest> requests = sim.requests();
    assertThat(requests).allMatch(r -> r.status() == 200);
    Set<Object> jtis = new HashSet<>();
    for (RecordedRequest request : requests) {
      assertThat(request.claim("appId")).contains(sim.clientId());
      assertThat(request.claim("sub")).contains(sim.clientId());
      long iat = ((Number) request.claim("iat").orElseThrow()).longValue();
      long exp = ((Number) request.claim("exp").orElseThrow()).longValue();
      assertThat(exp - iat).isPositive().isLessThanOrEqualTo(3600);
      jtis.add(request.claim("jti").orElseThrow());
    }
    assertThat(jtis).hasSize(requests.size());
    assertThat(requests.get(0).path()).doesNotContain("//");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void concurrencyKeepsTheOrderAndDeliversEachRecordOnce(int concurrency) {
    List<WindowLedger> ledgers = new ArrayList<>();
    assertEverythingOnceInOrder(fetchAll(client().pageSize(7).concurrency(concurrency), ledgers), ledgers);
  }

  @Test
  void recoversFromEveryTransientFault() {
    sim.faults()
        .next(Fault.status(429).retryAfter(Duration.ofSeconds(3)))
        .next(Fault.status(429))
        .next(Fault.status(429).retryAfterHttpDate(Instant.now().plusSeconds(30)))
        .next(2, Fault.status(500))
        .next(Fault.truncatedBody())
        .next(Fault.malformedBody())
        .next(Fault.unauthorized())
        .next(Fault.duplicateAcrossPages(5));
    List<WindowLedger> ledgers = new ArrayList<>();
    assertEverythingOnceInOrder(fetchAll(client().retryPolicy(RetryPolicy.defaults().withMaxAttempts(10)), ledgers), ledgers);
    assertThat(sleeps).hasSize(7);
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    assertThat(sim.requests()).filteredOn(r -> r.status() == 429).hasSize(3);
    assertThat(ledgers.stream().mapToLong(WindowLedger::duplicatesDropped).sum()).isEqualTo(5);
  }

  @Test
  void aSlowResponseIsCutByTheCallTimeoutAndRetried() {
    sim.faults().next(Fault.latency(Duration.ofMillis(1500)));
    List<WindowLedger> ledgers = new ArrayList<>();
    assertEverythingOnceInOrder(fetchAll(client().callTimeout(Duration.ofMillis(500)), ledgers), ledgers);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void refusedCredentialsEndAsAuthenticationFailureWithKoresMessage() {
    sim.faults().next(2, Fault.unauthorized());
    assertThatThrownBy(() -> fetchAll(client(), new ArrayList<>()))
        .isInstanceOfSatisfying(FetchException.AuthenticationFailed.class,
            e -> assertThat(e.koreMessage()).isEqualTo("Invalid SDK credentials"));
  }

  @Test
  void aWrongSecretIsRefusedByTheServer() {
    RetrofitRawDataAdapter.Builder builder = client().credentials(
        KoreCredentials.clientCredentials(sim.clientId(), Secret.of("not-the-secret-but-long-enough-for-hs256-keys")));
    assertThatThrownBy(() -> fetchAll(builder, new ArrayList<>()))
        .isInstanceOf(FetchException.AuthenticationFailed.class)
        .hasMessageContaining("Invalid SDK credentials");
    assertThat(sim.requests()).hasSize(2);
  }

  @Test
  void secretsAndTokensAreAbsentFromLogsAndErrors() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> messages = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      sim.faults().next(Fault.status(500)).next(Fault.truncatedBody()).next(2, Fault.unauthorized());
      try {
        fetchAll(client().logBodies(true), new ArrayList<>());
      } catch (FetchException e) {
        messages.add(e.getMessage());
        messages.add(e.toString());
      }
    } finally {
      System.setErr(originalErr);
    }
    String everything = captured.toString(StandardCharsets.UTF_8) + messages;
    assertThat(messages).isNotEmpty();
    assertThat(everything).contains("HTTP 500").doesNotContain(sim.clientSecret()).doesNotContain("eyJ");
  }
}
