// korescore fetch benchmark: the Raw Data client against the testkit's Kore simulator over loopback HTTP.
// Run through ./run.sh (it builds the classpath); prints the numbers recorded in README.md.
import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import dev.korescore.adapters.http.KoreCredentials;
import dev.korescore.adapters.http.RateLimiter;
import dev.korescore.adapters.http.RetrofitRawDataAdapter;
import dev.korescore.adapters.http.RetryPolicy;
import dev.korescore.adapters.http.Secret;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.simulator.Fault;
import dev.korescore.testkit.simulator.KoreSimulator;
import dev.korescore.testkit.simulator.RecordedRequest;
import dev.korescore.testkit.simulator.SimulatorConfig;
import dev.korescore.testkit.simulator.SimulatorDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    if (part.equals("all") || part.equals("faults")) {
      faults(args.length > 1 && part.equals("faults") ? Integer.parseInt(args[1]) : 3);
    }
  }

  /**
   * Time to complete 1,500 records at fault rates 0/10/25/40%, with everything as korescore fetch runs
   * by default: the server and the client at 60 requests/min, page size 100, one-day windows, the
   * default retry policy with its real waits. A fault rate p is split like a bad hour at Kore (25% 429,
   * 15% 500, 15% truncated bodies): 429 5/11 of p, 500 3/11, truncated 3/11. Rates interleaved per round,
   * the median of the rounds reported.
   */
  static void faults(int rounds) {
    Instant to = FROM.plus(Duration.ofDays(7));
    SimulatorDataset data = SimulatorDataset.generated(
        InteractionGenerator.builder().seed(15).count(1500).between(FROM, to).build());
    int[] rates = {0, 10, 25, 40};
    Map<Integer, List<Result>> results = new LinkedHashMap<>();
    for (int rate : rates) {
      results.put(rate, new ArrayList<>());
    }
    try (KoreSimulator sim = KoreSimulator.start(SimulatorConfig.builder()
        .dataset(data).rateLimitPerMinute(60).build())) {
      System.out.printf("faults: %d records over 7 one-day windows, page size 100, server and client at 60/min,"
          + " default retries; %d rounds, rates interleaved%n", data.size(), rounds);
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < rates.length; i++) {
          int rate = rates[(i + round) % rates.length];
          double p = rate / 100.0;
          sim.faults().clear().seed(1000L * round + rate)
              .sometimes(p * 5 / 11, Fault.status(429))
              .sometimes(p * 3 / 11, Fault.status(500))
              .sometimes(p * 3 / 11, Fault.truncatedBody());
          Result r = fetchWithDefaults(sim, to);
          results.get(rate).add(r);
          System.out.printf("  round %d, %2d%% faults: %.1f s, %d requests (%d failed), %d records, complete=%s%n",
              round + 1, rate, r.seconds(), r.requests(), r.throttled(), r.records(), r.complete());
          if (round < rounds - 1 || i < rates.length - 1) {
            // let the server's rolling minute empty, so that each run starts from the same state
            sleep(Duration.ofSeconds(61));
          }
        }
      }
    }
    System.out.println();
    System.out.println("| fault rate | time to 1,500 records (median) | min - max | requests (median) | failed requests | complete |");
    System.out.println("|---|---|---|---|---|---|");
    for (int rate : rates) {
      List<Result> runs = results.get(rate);
      double[] seconds = runs.stream().mapToDouble(Result::seconds).sorted().toArray();
      int[] requests = runs.stream().mapToInt(Result::requests).sorted().toArray();
      long[] failed = runs.stream().mapToLong(Result::throttled).sorted().toArray();
      System.out.printf("| %d%% | %.1f s | %.1f - %.1f s | %d | %d | %s |%n", rate, seconds[seconds.length / 2],
          seconds[0], seconds[seconds.length - 1], requests[requests.length / 2], failed[failed.length / 2],
          runs.stream().allMatch(r -> r.complete() && r.records() == 1500) ? "every run, exactly once" : "NO");
    }
  }

  /** Like {@link #fetch}, with the defaults of korescore fetch; "throttled" here counts every retried request. */
  static Result fetchWithDefaults(KoreSimulator sim, Instant to) {
    sim.clearRequests();
    long start = System.nanoTime();
    long records = 0;
    java.util.Set<String> ids = new java.util.HashSet<>();
    boolean complete;
    long pages;
    try (RetrofitRawDataAdapter kore = RetrofitRawDataAdapter.builder()
            .host(sim.baseUrl())
            .accountId(sim.accountId())
            .streamId(sim.streamId())
            .orgId("o-bench")
            .credentials(KoreCredentials.clientCredentials(sim.clientId(), Secret.of(sim.clientSecret())))
            .mapper(JsonMapper.builder().build())
            .retryPolicy(RetryPolicy.defaults())
            .rateLimiter(RateLimiter.perMinute(60))
            .build();
        RawRecordStream stream = kore.fetch(FetchRequest.of(FROM, to, Duration.ofDays(1)))) {
      while (stream.hasNext()) {
        if (ids.add(stream.next().conversationId().value())) {
          records++;
        }
      }
      complete = stream.ledgers().stream().allMatch(WindowLedger::complete);
      pages = stream.ledgers().stream().mapToLong(WindowLedger::pages).sum();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int requests = sim.requests().size();
    // every request beyond one per page was a retry (a truncated body is sent with status 200)
    return new Result(records, requests, seconds, complete, requests - pages);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
