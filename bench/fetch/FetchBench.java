// korescore fetch benchmark: the Raw Data client against the testkit's Kore simulator over loopback HTTP.
// Run through ./run.sh (it builds the classpath); prints the numbers recorded in README.md.
import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import dev.korescore.adapters.http.KoreCredentials;
import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.Secret;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.RecordedRequest;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

public class FetchBench {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");

  record Result(long records, int requests, double seconds, boolean complete, long throttled) {}

  static Result fetch(KoreSimulator sim, Instant to, Duration window, int pageSize, int concurrency, RateLimiter limiter) {
    sim.clearRequests();
    long start = System.nanoTime();
    long records = 0;
    boolean complete;
    try (RetrofitRawDataAdapter kore = RetrofitRawDataAdapter.builder()
            .host(sim.baseUrl())
            .accountId(sim.accountId())
            .streamId(sim.streamId())
            .orgId("o-bench")
            .credentials(KoreCredentials.clientCredentials(sim.clientId(), Secret.of(sim.clientSecret())))
            .wireFormat(JacksonRawDataWireAdapter.create())
            .pageSize(pageSize)
            .concurrency(concurrency)
            .rateLimiter(limiter)
            .build();
        RawRecordStream stream = kore.fetch(FetchRequest.of(FROM, to, window))) {
      while (stream.hasNext()) {
        stream.next();
        records++;
      }
      complete = stream.ledgers().stream().allMatch(WindowLedger::complete);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<RecordedRequest> requests = sim.requests();
    long throttled = requests.stream().filter(r -> r.status() == 429).count();
    return new Result(records, requests.size(), seconds, complete, throttled);
  }

  public static void main(String[] args) {
    String part = args.length > 0 ? args[0] : "all";
    if (part.equals("all") || part.equals("concurrency")) {
      concurrency();
    }
    if (part.equals("all") || part.equals("ratelimit")) {
      rateLimit(args.length > 1 ? Integer.parseInt(args[1]) : 75);
    }
  }

  /** 200 ms per response, no server limit: 1, 2 and 4 requests in flight. */
  static void concurrency() {
    Instant to = FROM.plus(Duration.ofDays(7));
    SimulatorDataset data = SimulatorDataset.generated(
        InteractionGenerator.builder().seed(42).count(3000).between(FROM, to).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(data).rateLimitPerMinute(0).latency(Duration.ofMillis(200)).build())) {
      fetch(sim, FROM.plus(Duration.ofDays(1)), Duration.ofDays(1), 50, 1, RateLimiter.unlimited()); // warm-up
      System.out.printf("concurrency: %d records over 7 one-day windows, page size 50, 200 ms latency, no rate limit%n", data.size());
      double base = 0;
      for (int concurrency : new int[] {1, 2, 4}) {
        Result r = fetch(sim, to, Duration.ofDays(1), 50, concurrency, RateLimiter.unlimited());
        if (concurrency == 1) {
          base = r.seconds();
        }
        System.out.printf("  concurrency %d: %d records, %d requests, %.2f s, %.1f req/s, complete=%s, speed-up x%.2f%n",
            concurrency, r.records(), r.requests(), r.seconds(), r.requests() / r.seconds(), r.complete(), base / r.seconds());
      }
    }
  }

  /** Kore's 60/min limit enforced by the server over a rolling minute; the client set to 60/min, 4 in flight. */
  static void rateLimit(int requests) {
    Instant to = FROM.plus(Duration.ofHours(requests));
    SimulatorDataset data = SimulatorDataset.generated(
        InteractionGenerator.builder().seed(7).count(requests * 10L).between(FROM, to).build());
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(data).rateLimitPerMinute(60).latency(Duration.ofMillis(50)).build())) {
      System.out.printf("rate limit: server allows 60 per rolling minute; client --rate 60, concurrency 4; %d one-hour windows (one request each)%n", requests);
      Result r = fetch(sim, to, Duration.ofHours(1), 100, 4, RateLimiter.perMinute(60));
      List<RecordedRequest> recorded = sim.requests();
      double span = Duration.between(recorded.get(0).receivedAt(), recorded.get(recorded.size() - 1).receivedAt()).toNanos() / 1e9;
      double perMinute = (recorded.size() - 1) / span * 60;
      int maxInMinute = 0;
      for (int i = 0; i < recorded.size(); i++) {
        int n = 0;
        for (int j = i; j < recorded.size()
            && Duration.between(recorded.get(i).receivedAt(), recorded.get(j).receivedAt()).compareTo(Duration.ofMinutes(1)) < 0; j++) {
          n++;
        }
        maxInMinute = Math.max(maxInMinute, n);
      }
      System.out.printf("  %d records, %d requests in %.1f s: sustained %.2f requests/min = %.1f%% of 60; 429 responses: %d;"
          + " most requests in any 60 s: %d; complete=%s%n",
          r.records(), r.requests(), r.seconds(), perMinute, perMinute / 60 * 100, r.throttled(), maxInMinute, r.complete());
    }
  }
}
