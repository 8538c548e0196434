package dev.korescore.cli.fetch;

import dev.korescore.cli.CliRun;
import dev.korescore.cli.SimulatorFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.cli.common.ExitCodes;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.DatasetRecord;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code korescore fetch} end to end against the testkit simulator over loopback HTTP. */
class FetchCommandTest {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  static final Instant TO = Instant.parse("2024-07-22T00:00:00Z");
  static final RetryPolicy QUICK = RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5)).withMaxAttempts(6);

  @RegisterExtension
  static final SimulatorFixture kore =
      SimulatorFixture.generated(InteractionGenerator.builder().seed(11).count(400).build());

  static KoreSimulator sim;
  static List<DatasetRecord> dataset;

  @TempDir Path dir;
  Path out;
  Path profile;
  final StringWriter stdout = new StringWriter();
  final StringWriter stderr = new StringWriter();

  @BeforeAll
  static void shortNames() {
    sim = kore.sim();
    dataset = kore.dataset().records();
  }

  @BeforeEach
  void setUp() throws IOException {
    sim.clearRequests();
    out = dir.resolve("kore.jsonl");
    profile = kore.profile(dir);
  }

  /** The real command line, with its error handling. */
  int korescore(String... args) {
    return CliRun.korescore(stdout, stderr, args);
  }

  /** The fetch command alone, with an environment and quick retries. */
  int fetch(Map<String, String> env, String... args) {
    return CliRun.command(new FetchCommand(env, QUICK), stdout, stderr).execute(args);
  }

  List<String> outputLines() throws IOException {
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  List<String> expectedLines() {
    return dataset.stream().map(r -> r.wireJson().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList();
  }

  String[] args(String... more) {
    List<String> all = new ArrayList<>(List.of("--from", "2024-07-15", "--to", "2024-07-22T00:00:00Z",
        "--out", out.toString(), "--profile", profile.toString(), "--rate", "0", "--page-size", "40"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void writesEveryRecordExactlyAsReceivedOnePerLineAndSummarises() throws IOException {
    List<String> all = new ArrayList<>(List.of("fetch"));
    all.addAll(List.of(args()));
    assertThat(korescore(all.toArray(String[]::new))).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(outputLines()).containsExactlyElementsOf(expectedLines());
    assertThat(stdout.toString())
        .contains("server total 400, received 400, duplicates dropped 0: COMPLETE")
        .contains("windows 7");
    assertThat(Files.readString(Path.of(out + ".checkpoint"))).contains("\"outputBytes\" : " + Files.size(out));
    assertThat(sim.requests()).allMatch(r -> r.claim("appId").equals(Optional.of(sim.clientId())));
  }

  @Test
  void filtersAndOptionsReachTheServer() throws IOException {
    assertThat(fetch(Map.of(), args("--channel", "chat", "--queue", "qu-x", "--date-format", "iso", "--api", "app",
        "--window", "12h", "--concurrency", "3"))).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sim.requests()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.path()).startsWith("/api/v1/public/qualitymanagement/app/");
      assertThat(r.header("iid")).contains(sim.streamId());
      assertThat(r.body()).contains("\"channel\":[\"chat\"]").contains("\"queues\":[\"qu-x\"]").contains("T00:00:00.000Z\"", "T12:00:00.000Z\"");
    });
    assertThat(sim.requests()).filteredOn(r -> r.body().contains("\"page\":1,")).hasSize(14);
  }

  @Test
  void settingsComeFromTheEnvironmentWhenNoFlagOrProfileGivesThem() throws IOException {
    Map<String, String> env = Map.of(
        "KORE_HOST", sim.baseUrl(),
        "KORE_ACCOUNT_ID", sim.accountId(),
        "KORE_STREAM_ID", sim.streamId(),
        "KORE_ORG_ID", "o-env",
        "KORE_CLIENT_ID", sim.clientId(),
        "KORE_CLIENT_SECRET", sim.clientSecret());
    assertThat(fetch(env, "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString(), "--rate", "0"))
        .as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sim.requests()).allMatch(r -> r.header("orgId").equals(Optional.of("o-env")));
    assertThat(outputLines()).isNotEmpty();
  }

  @Test
  void theProfileWinsOverTheEnvironmentAndFlagsWinOverBoth() {
    Map<String, String> env = Map.of("KORE_ORG_ID", "o-env", "KORE_ACCOUNT_ID", "wrong");
    assertThat(fetch(env, args("--org-id", "o-flag", "--to", "2024-07-16"))).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sim.requests()).allMatch(r -> r.header("orgId").equals(Optional.of("o-flag"))
        && r.header("accountId").equals(Optional.of(sim.accountId())));
  }

  @Test
  void theSecretIsNeverAFlagValueAndNeverEchoed() {
    assertThat(korescore("fetch", "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString(),
        "--client-secret", "s3cr3t-value-typed-by-mistake")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("unknown option --client-secret (and 1 argument not shown)")
        .contains("read from --client-secret-file FILE, the profile (clientSecret or clientSecretFile) or KORE_CLIENT_SECRET")
        .doesNotContain("s3cr3t");
    assertThat(korescore("fetch", "--client-secret=s3cr3t-value-typed-by-mistake")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(korescore("fetch", "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString(),
        "--page-size", "s3cr3t-value-typed-by-mistake")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(korescore("fetch", "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString(),
        "s3cr3t-value-typed-by-mistake")).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("Invalid value for option '--page-size': the value given")
        .contains("one argument too many (not shown)").doesNotContain("s3cr3t");
  }

  @Test
  void aHostWithCredentialsOrWithoutASchemeIsRefusedWithoutEchoingIt() {
    assertThat(fetch(Map.of(), args("--host", "https://admin:hunter2@platform.kore.ai"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(fetch(Map.of("KORE_HOST", "https://admin:hunter2@platform.kore.ai"),
        "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString(), "--account-id", "a", "--org-id", "o",
        "--stream-id", "s", "--client-id", "c", "--client-secret-file", dir.resolve("secret.txt").toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("host must not contain a user name or password").doesNotContain("hunter2")
        .doesNotContain("admin");
    assertThat(fetch(Map.of(), args("--host", sim.baseUrl().replace("http://", "")))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("host must start with https://");
    assertThat(sim.requests()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void retryTuningComesFromFlagsOrTheProfile() throws IOException {
    sim.faults().next(3, Fault.status(500));
    assertThat(fetch(Map.of(), args("--max-attempts", "3", "--to", "2024-07-16"))).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(stderr.toString()).contains("gave up after 3 attempts over").contains("(--max-attempts 3)");
    Files.writeString(profile, Files.readString(profile) + "\nmaxAttempts=2\nretryBudget=0\nmaxWait=1s\n");
    sim.faults().clear().next(1, Fault.status(500));
    assertThat(fetch(Map.of(), args("--to", "2024-07-16", "--overwrite"))).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(stderr.toString()).contains("gave up after 1 attempts over")
        .contains("retry budget is spent (--retry-budget 0, plus two per page fetched)");
    sim.faults().clear().next(2, Fault.status(500));
    assertThat(fetch(Map.of(), args("--to", "2024-07-16", "--overwrite", "--retry-budget", "5", "--max-attempts", "3")))
        .as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(fetch(Map.of(), args("--max-wait", "soon", "--overwrite"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("--max-wait must be a duration");
  }

  @Test
  void missingSettingsAreUsageErrorsNamingWhereToGiveThem() {
    assertThat(fetch(Map.of(), "--from", "2024-07-15", "--to", "2024-07-16", "--out", out.toString()))
        .isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("account id missing").contains("--account-id").contains("KORE_ACCOUNT_ID");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(fetch(Map.of(), args("--to", "2024-07-14"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(fetch(Map.of(), args("--page-size", "500"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(fetch(Map.of(), args("--window", "soon"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(fetch(Map.of(), args("--api", "v9"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(fetch(Map.of(), args("--host", "http://kore.example.com"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("--from must be before --to").contains("page size").contains("--window")
        .contains("legacy, app, qualityai, agentassist").contains("https");
  }

  @Test
  void refusedCredentialsExitWithTwoAndKoresMessage() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "a-wrong-secret-that-is-long-enough-for-hs256-signing");
    assertThat(fetch(Map.of(), args())).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("authentication failed: Invalid SDK credentials").contains("HTTP 401");
  }

  @Test
  void transientFaultsAreRetriedAndTheOutputIsExact() throws IOException {
    sim.faults().next(Fault.status(429)).next(Fault.status(500)).next(Fault.truncatedBody()).next(Fault.unauthorized())
        .next(Fault.duplicateAcrossPages(3));
    assertThat(fetch(Map.of(), args())).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(outputLines()).containsExactlyElementsOf(expectedLines());
    assertThat(stdout.toString()).contains("duplicates dropped 3: COMPLETE");
  }

  @Test
  void aServerFailureExitsWithFourThenResumeFinishesWithoutLossOrDuplicates() throws IOException {
    // after three windows the server fails every retry of the fourth window's first page
    List<String> seen = new ArrayList<>();
    FetchListener stopper = new FetchListener() {
      @Override
      public void windowCompleted(WindowLedger ledger) {
        seen.add(ledger.window().toString());
        if (seen.size() == 3) {
          sim.faults().next(10, Fault.status(500));
        }
      }
    };
    try (FetchRun run = FetchRun.create(settings(), FetchTuning.defaults().withRate(0).withPageSize(40), QUICK)) {
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
          () -> run.toFile(run.request(FROM, TO, List.of(), List.of()), out, FetchRun.OutputMode.NEW, stopper));
      assertThat(failure).isInstanceOf(dev.korescore.core.fetch.FetchException.ServerError.class);
      assertThat(dev.korescore.cli.ErrorHandling.exitCode(failure)).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    }
    assertThat(seen).hasSize(3);
    assertThat(outputLines()).hasSizeLessThan(dataset.size());
    assertThat(fetch(Map.of(), args("--resume"))).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(outputLines()).containsExactlyElementsOf(expectedLines());
    assertThat(stdout.toString()).contains("(3 from an earlier run)").contains("COMPLETE");
  }

  @Test
  void aCrashMidWindowIsResumedWithoutLossOrDuplicates() throws IOException {
    // a crash after the first page of the third window: its records are in the file, its checkpoint is not
    FetchListener crash = new FetchListener() {
      int windows;

      @Override
      public void windowCompleted(WindowLedger ledger) {
        windows++;
      }

      @Override
      public void pageFetched(DateWindow window, int page, int records, long totalReported) {
        if (windows == 2 && page == 2) {
          throw new IllegalStateException("simulated kill");
        }
      }
    };
    try (FetchRun run = FetchRun.create(settings(), FetchTuning.defaults().withRate(0).withPageSize(20), QUICK)) {
      try {
        run.toFile(run.request(FROM, TO, List.of(), List.of()), out, FetchRun.OutputMode.NEW, crash);
      } catch (IllegalStateException e) {
        assertThat(e).hasMessage("simulated kill");
      }
    }
    long checkpointed = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
        .readTree(Path.of(out + ".checkpoint").toFile()).path("outputBytes").asLong();
    assertThat(Files.size(out)).isGreaterThan(checkpointed);
    assertThat(fetch(Map.of(), args("--resume", "--page-size", "20"))).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(outputLines()).containsExactlyElementsOf(expectedLines());
  }

  @Test
  void resumingADifferentFetchIsRefused() {
    assertThat(fetch(Map.of(), args("--to", "2024-07-16"))).isEqualTo(ExitCodes.OK);
    assertThat(fetch(Map.of(), args("--resume"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    assertThat(stderr.toString()).contains("belongs to a different fetch");
  }

  @Test
  void resumingAFinishedFetchFetchesNothing() throws IOException {
    assertThat(fetch(Map.of(), args())).isEqualTo(ExitCodes.OK);
    sim.clearRequests();
    assertThat(fetch(Map.of(), args("--resume"))).isEqualTo(ExitCodes.OK);
    assertThat(sim.requests()).isEmpty();
    assertThat(outputLines()).containsExactlyElementsOf(expectedLines());
  }

  @Test
  void totalsThatDisagreeWithWhatArrivedExitWithThree() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("{\"results\":[{\"Conversation ID\":\"c-1\"},{\"Conversation ID\":\"c-2\"}],"
          + "\"totalResults\":9,\"totalPages\":1,\"hasMore\":false}").getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      assertThat(fetch(Map.of(), args("--host", "http://127.0.0.1:" + server.getAddress().getPort(), "--to", "2024-07-16")))
          .isEqualTo(ExitCodes.INCOMPLETE);
    } finally {
      server.stop(0);
    }
    assertThat(stdout.toString()).contains("server total 9, received 2").contains("INCOMPLETE");
    assertThat(outputLines()).containsExactly("{\"Conversation ID\":\"c-1\"}", "{\"Conversation ID\":\"c-2\"}");
  }

  @Test
  void theSecretAppearsInNoOutputLogOrFile() throws IOException {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      sim.faults().next(Fault.status(500)).next(Fault.unauthorized());
      assertThat(fetch(Map.of(), args("--to", "2024-07-17"))).isEqualTo(ExitCodes.OK);
      sim.faults().next(2, Fault.unauthorized());
      assertThat(fetch(Map.of(), args("--to", "2024-07-18", "--overwrite"))).isEqualTo(ExitCodes.USAGE_OR_INPUT);
    } finally {
      System.setErr(originalErr);
    }
    String everything = stdout + "\n" + stderr + "\n" + logs.toString(StandardCharsets.UTF_8) + "\n"
        + Files.readString(out) + Files.readString(Path.of(out + ".checkpoint"));
    assertThat(everything).contains("Invalid SDK credentials").doesNotContain(sim.clientSecret()).doesNotContain("eyJ");
  }

  @Test
  void fetchRunStreamsInteractionsForAuditAndDemo() {
    try (FetchRun run = FetchRun.create(settings(), FetchTuning.defaults().withRate(0).withConcurrency(2));
        FetchedInteractions interactions = run.interactions(run.request(FROM, TO, List.of(), List.of()))) {
      List<String> ids = interactions.stream().map(i -> i.conversationId().value()).toList();
      assertThat(ids).containsExactlyElementsOf(dataset.stream().map(DatasetRecord::conversationId).toList());
      assertThat(interactions.ledgers()).hasSize(7).allMatch(WindowLedger::complete);
    }
  }

  @Test
  void aFailedRequestSurfacesFromTheInteractionStreamAsItsOwnType() {
    sim.faults().next(2, Fault.unauthorized());
    try (FetchRun run = FetchRun.create(settings(), FetchTuning.defaults().withRate(0), QUICK);
        InteractionStream interactions = run.interactions(run.request(FROM, TO, List.of(), List.of()))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(interactions::hasNext)
          .isInstanceOf(dev.korescore.core.fetch.FetchException.AuthenticationFailed.class);
    }
  }

  static KoreSettings settings() {
    return KoreSettings.resolve(Map.of(), new java.util.Properties(), Map.of(
        "KORE_HOST", sim.baseUrl(),
        "KORE_ACCOUNT_ID", sim.accountId(),
        "KORE_STREAM_ID", sim.streamId(),
        "KORE_ORG_ID", "o-test",
        "KORE_CLIENT_ID", sim.clientId(),
        "KORE_CLIENT_SECRET", sim.clientSecret()));
  }
}
