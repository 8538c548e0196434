package dev.korescore.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.korescore.testkit.wire.KoreWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the Raw Data endpoint: routing, faults, rate limit, JWT, body, paging, recording. */
final class RawDataHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RawDataHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LEGACY = Pattern.compile("/+api/public/QualityManagement/account/([^/]+)/v1/RawData/?");
  private static final Pattern APP =
      Pattern.compile("/+(?:qualityai/|agentassist/)?api/v1/public/qualitymanagement/app/([^/]+)/rawdata/?");
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
  private static final int MAX_LIMIT = 100;

  private final SimulatorConfig config;
  private final FaultPlan faults;
  private final Clock clock;
  private final byte[] secret;
  private final List<RecordedRequest> recorded = new ArrayList<>();
  private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
  private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
  private volatile Served served;

  /** The records served and their start times, swapped whole by {@link #serve}. */
  private record Served(List<DatasetRecord> records, long[] startMillis) {
    static Served of(SimulatorDataset dataset) {
      List<DatasetRecord> records = dataset.records();
      long[] startMillis = new long[records.size()];
      for (int i = 0; i < records.size(); i++) {
        startMillis[i] = records.get(i).startTime().toEpochMilli();
      }
      return new Served(records, startMillis);
    }
  }

  RawDataHandler(SimulatorConfig config, FaultPlan faults) {
    this.config = config;
    this.faults = faults;
    this.clock = config.clock();
    this.secret = config.clientSecret().getBytes(StandardCharsets.UTF_8);
    this.served = Served.of(config.dataset());
  }

  /** Serves {@code dataset} from the next request on. */
  void serve(SimulatorDataset dataset) {
    this.served = Served.of(dataset);
  }

  FaultPlan faults() {
    return faults;
  }

  List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** What one request turned into. */
  private static final class Outcome {
    int status = 200;
    String body = "";
    Map<String, String> headers = new LinkedHashMap<>();
    boolean truncate;
    Optional<String> fault = Optional.empty();

    Outcome error(int statusCode, String message, int code) {
      this.status = statusCode;
      this.body = KoreWire.error(message, code);
      return this;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Instant receivedAt = clock.instant();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    java.net.URI uri = exchange.getRequestURI();
    // "//api/..." parses as a network-path reference whose authority is "api": put it back
    String path = uri.getScheme() == null && uri.getRawAuthority() != null
        ? "//" + uri.getRawAuthority() + uri.getPath()
        : uri.getPath();
    String token = exchange.getRequestHeaders().getFirst("auth");
    Map<String, Object> claims = decodeClaims(token);
    Outcome outcome = new Outcome();
    try {
      serve(exchange, path, token, body, outcome);
    } catch (RuntimeException e) {
      LOG.warn("simulator failed on {} {}", exchange.getRequestMethod(), path, e);
      outcome.error(500, "Simulator failure: " + e.getClass().getSimpleName(), 500);
      outcome.truncate = false;
    }
    // recorded before answering, so that a client that got its answer finds its request recorded
    record(new RecordedRequest(receivedAt, exchange.getRequestMethod(), path, headers(exchange), body, outcome.status,
        claims, outcome.fault));
    LOG.debug("{} {} -> {}{}", exchange.getRequestMethod(), path, outcome.status,
        outcome.fault.map(f -> " (fault: " + f + ")").orElse(""));
    respond(exchange, outcome);
  }

  /**
   * The organisation or instance header an app path needs, when it is missing: {@code orgId} on the
   * {@code qualityai} and {@code agentassist} paths, {@code iid} on the 2024 app path (KORE-API.md,
   * "Endpoints"); the legacy account path needs neither.
   */
  private static Optional<String> missingHeader(HttpExchange exchange, String path, boolean appPath) {
    if (!appPath) {
      return Optional.empty();
    }
    String name = path.contains("/qualityai/") || path.contains("/agentassist/") ? "orgId" : "iid";
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null || value.isBlank() ? Optional.of(name) : Optional.empty();
  }

  private void serve(HttpExchange exchange, String path, String token, String body, Outcome outcome) {
    Matcher legacy = LEGACY.matcher(path);
    Matcher app = APP.matcher(path);
    if (!legacy.matches() && !app.matches()) {
      outcome.error(404, "Not found: " + path, 404);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      outcome.error(405, "Method " + exchange.getRequestMethod() + " not allowed; use POST", 405);
      outcome.headers.put("Allow", "POST");
      return;
    }
    List<Fault> planned = faults.take();
    Duration delay = config.latency();
    Fault decisive = null;
    for (Fault fault : planned) {
      if (fault instanceof Fault.Latency latency) {
        delay = delay.plus(latency.delay());
      } else if (decisive == null) {
        decisive = fault;
      }
    }
    if (!planned.isEmpty()) {
      outcome.fault = Optional.of(String.join(", ", planned.stream().map(Fault::describe).toList()));
    }
    sleep(delay);
    if (decisive instanceof Fault.Status status) {
      outcome.error(status.code(), status.messageOrDefault(), status.code());
      status.retryAfter().ifPresent(value -> outcome.headers.put("Retry-After", value));
      return;
    }
    if (decisive instanceof Fault.Unauthorized) {
      outcome.error(401, "Invalid SDK credentials", 4002);
      return;
    }
    String accountHeader = exchange.getRequestHeaders().getFirst("accountId");
    if (accountHeader == null || accountHeader.isBlank()) {
      outcome.error(401, "accountId header is required", 401);
      return;
    }
    if (!accountHeader.equals(config.accountId())) {
      outcome.error(401, "Unknown accountId", 401);
      return;
    }
    if (legacy.matches() && !legacy.group(1).equals(config.accountId())) {
      outcome.error(401, "The accountId in the path does not match the accountId header", 401);
      return;
    }
    if (app.matches() && !app.group(1).equals(config.streamId())) {
      outcome.error(404, "App not found: " + app.group(1), 404);
      return;
    }
    Optional<String> missing = missingHeader(exchange, path, app.matches());
    if (missing.isPresent()) {
      outcome.error(400, missing.get() + " header is required for " + (path.contains("/qualityai/")
          ? "the Quality AI path" : path.contains("/agentassist/") ? "the Agent Assist path" : "the app path"), 400);
      return;
    }
    if (!withinRateLimit(accountHeader)) {
      outcome.error(429, Fault.RATE_LIMIT_MESSAGE, 429);
      return;
    }
    Optional<String> authProblem = authenticate(token);
    if (authProblem.isPresent()) {
      outcome.error(401, authProblem.get(), 401);
      return;
    }
    Query query;
    try {
      query = Query.parse(body);
    } catch (IllegalArgumentException e) {
      outcome.error(400, e.getMessage(), 400);
      return;
    }
    outcome.body = page(query, decisive);
    outcome.headers.put("Content-Type", "application/json; charset=utf-8");
    if (decisive instanceof Fault.TruncatedBody) {
      outcome.truncate = true;
    } else if (decisive instanceof Fault.MalformedBody) {
      outcome.body = outcome.body.substring(0, outcome.body.length() / 2);
    }
  }

  private String page(Query query, Fault fault) {
    Served now = served;
    List<DatasetRecord> records = now.records();
    int from = lowerBound(now.startMillis(), query.start.toEpochMilli());
    int to = lowerBound(now.startMillis(), query.end.toEpochMilli() + (config.endInclusive() ? 1 : 0));
    List<DatasetRecord> matching;
    if (query.channels.isEmpty() && query.queues.isEmpty()) {
      matching = records.subList(from, Math.max(from, to));
    } else {
      matching = new ArrayList<>();
      for (int i = from; i < to; i++) {
        DatasetRecord record = records.get(i);
        if (query.matches(record)) {
          matching.add(record);
        }
      }
    }
    long total = matching.size();
    long totalPages = (total + query.limit - 1) / query.limit;
    long offset = query.offset.orElse((query.page - 1) * (long) query.limit);
    long first = Math.min(offset, total);
    long last = Math.min(first + query.limit, total);
    List<String> results = new ArrayList<>();
    if (fault instanceof Fault.DuplicateAcrossPages duplicate && first < last) {
      long repeatFrom = first > 0 ? Math.max(0, first - duplicate.records()) : 0;
      long repeatTo = first > 0 ? first : Math.min(last, duplicate.records());
      for (long i = repeatFrom; i < repeatTo; i++) {
        results.add(matching.get((int) i).wireJson());
      }
    }
    for (long i = first; i < last; i++) {
      results.add(matching.get((int) i).wireJson());
    }
    boolean hasMore = last < total;
    return KoreWire.envelope(results, total, totalPages, hasMore, config.totalPagesTwice());
  }

  /** The first index whose start time is at or after {@code millis}. */
  private static int lowerBound(long[] startMillis, long millis) {
    int low = 0;
    int high = startMillis.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (startMillis[mid] < millis) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private boolean withinRateLimit(String account) {
    int limit = config.rateLimitPerMinute();
    if (limit == 0) {
      return true;
    }
    long now = clock.millis();
    synchronized (windows) {
      ArrayDeque<Long> window = windows.computeIfAbsent(account, a -> new ArrayDeque<>());
      while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        return false;
      }
      window.addLast(now);
      return true;
    }
  }

  /** Why the token is refused, or empty when it is good. Messages never contain the token or the secret. */
  private Optional<String> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.of("auth header with a JWT is required");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token.strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Optional.of("Invalid SDK credentials: the auth header is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      return Optional.of("Invalid SDK credentials: only HS256 tokens are accepted, was " + jwt.getHeader().getAlgorithm());
    }
    try {
      if (!jwt.verify(new MACVerifier(secret))) {
        return Optional.of("Invalid SDK credentials: bad signature");
      }
    } catch (JOSEException e) {
      return Optional.of("Invalid SDK credentials: cannot verify the signature");
    }
    Object appId = claims.getClaim("appId");
    if (!config.clientId().equals(appId)) {
      return Optional.of("Invalid SDK credentials: appId does not match the client id");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return Optional.of("Invalid SDK credentials: exp is required");
    }
    if (!exp.toInstant().isAfter(now)) {
      return Optional.of("Token expired");
    }
    Instant issued = claims.getIssueTime() == null ? now : claims.getIssueTime().toInstant();
    if (Duration.between(issued, exp.toInstant()).compareTo(config.maxTokenLifetime()) > 0) {
      return Optional.of("Invalid SDK credentials: exp must be at most " + config.maxTokenLifetime().toMinutes()
          + " minutes after iat");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      return config.requireJti() ? Optional.of("Invalid SDK credentials: jti is required") : Optional.empty();
    }
    if (!seenJtis.add(jti)) {
      return Optional.of("JWT replay detected: jti has already been used");
    }
    return Optional.empty();
  }

  private static Map<String, Object> decodeClaims(String token) {
    if (token == null || token.isBlank()) {
      return Map.of();
    }
    try {
      return SignedJWT.parse(token.strip()).getJWTClaimsSet().toJSONObject();
    } catch (ParseException | RuntimeException e) {
      return Map.of();
    }
  }

  private static void respond(HttpExchange exchange, Outcome outcome) throws IOException {
    byte[] bytes = outcome.body.getBytes(StandardCharsets.UTF_8);
    if (!outcome.headers.containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    }
    outcome.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    try {
      exchange.sendResponseHeaders(outcome.status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, outcome.truncate ? bytes.length / 2 : bytes.length);
        out.flush();
      }
    } finally {
      try {
        exchange.close();
      } catch (RuntimeException e) {
        // a truncated body: closing early is the point
        LOG.debug("closed a truncated response: {}", e.toString());
      }
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String key = name.toLowerCase(Locale.ROOT);
      headers.put(key, "auth".equals(key) ? List.of(RecordedRequest.REDACTED) : List.copyOf(values));
    });
    return headers;
  }

  private void record(RecordedRequest request) {
    synchronized (recorded) {
      recorded.add(request);
    }
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request body, validated. */
  static final class Query {
    final Instant start;
    final Instant end;
    final int limit;
    final int page;
    final Optional<Long> offset;
    final Set<String> channels;
    final Set<String> queues;

    private Query(Instant start, Instant end, int limit, int page, Optional<Long> offset, Set<String> channels,
        Set<String> queues) {
      this.start = start;
      this.end = end;
      this.limit = limit;
      this.page = page;
      this.offset = offset;
      this.channels = channels;
      this.queues = queues;
    }

    boolean matches(DatasetRecord record) {
      if (!channels.isEmpty() && (record.channel().isEmpty() || !channels.contains(record.channel().get()))) {
        return false;
      }
      if (!queues.isEmpty()) {
        for (String queue : record.queues()) {
          if (queues.contains(queue)) {
            return true;
          }
        }
        return false;
      }
      return true;
    }

    static Query parse(String body) {
      JsonNode root;
      try {
        root = MAPPER.readTree(body.isBlank() ? "{}" : body);
      } catch (IOException e) {
        throw new IllegalArgumentException("Request body is not valid JSON");
      }
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("Request body must be a JSON object");
      }
      Instant start = date(root, "startDate");
      Instant end = date(root, root.has("endDate") ? "endDate" : "endtDate");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("startDate must be before endDate");
      }
      int limit = integer(root, "limit", MAX_LIMIT);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
      }
      int page = integer(root, "page", 1);
      if (page < 1) {
        throw new IllegalArgumentException("page must be 1 or more, was " + page);
      }
      Optional<Long> offset = Optional.empty();
      if (root.hasNonNull("offset")) {
        long value = integer(root, "offset", 0);
        if (value < 0) {
          throw new IllegalArgumentException("offset must be 0 or more, was " + value);
        }
        offset = Optional.of(value);
      }
      return new Query(start, end, limit, page, offset, strings(root, "channel"), strings(root, "queues"));
    }

    private static Instant date(JsonNode root, String key) {
      JsonNode node = root.get(key);
      if (node == null || node.isNull() || !node.isTextual()) {
        throw new IllegalArgumentException(key + " is required (yyyy-MM-dd HH:mm:ss or ISO-8601, UTC)");
      }
      String text = node.asText().strip();
      try {
        return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notSpaced) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
          try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                key + " must be yyyy-MM-dd HH:mm:ss or ISO-8601 in UTC, was '" + text + "'");
          }
        }
      }
    }

    private static int integer(JsonNode root, String key, int fallback) {
      JsonNode node = root.get(key);
      if (node == null || node.isNull()) {
        return fallback;
      }
      if (node.isIntegralNumber() && node.canConvertToInt()) {
        return node.intValue();
      }
      if (node.isTextual()) {
        try {
          return Integer.parseInt(node.asText().strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(key + " must be an integer, was '" + node.asText() + "'");
        }
      }
      throw new IllegalArgumentException(key + " must be an integer, was " + node);
    }

    private static Set<String> strings(JsonNode root, String key) {
      JsonNode node = root.get(key);
      Set<String> values = new LinkedHashSet<>();
      if (node == null || node.isNull()) {
        return values;
      }
      if (node.isTextual()) {
        values.add(node.asText());
        return values;
      }
      if (!node.isArray()) {
        throw new IllegalArgumentException(key + " must be an array of strings");
      }
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException(key + " must be an array of strings, had " + item);
        }
        values.add(item.asText());
      }
      return values;
    }
  }
}
