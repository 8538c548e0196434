package dev.korescore.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A tiny Raw Data server for MockWebServer: pages a dataset filtered by startDate..endDate (inclusive). */
final class FakeKore extends Dispatcher {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  record Rec(String id, Instant start, String json) {}

  final List<Rec> dataset = new ArrayList<>();
  final AtomicInteger served = new AtomicInteger();
  volatile long latencyMillis;

  static String record(String id, Instant start) {
    return "{\"Conversation ID\": \"" + id + "\",\t\"Conversation Start Time\":\"" + start + "\", \"Kore Evaluation Score\": 40}";
  }

  FakeKore add(String id, Instant start) {
    dataset.add(new Rec(id, start, record(id, start)));
    return this;
  }

  static Instant parseDate(String text) {
    if (text.contains("T")) {
      return Instant.parse(text);
    }
    return LocalDateTime.parse(text, SPACE).toInstant(ZoneOffset.UTC);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    served.incrementAndGet();
    JsonNode body;
    try {
      body = MAPPER.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant from = parseDate(body.get("startDate").asText());
    Instant to = parseDate(body.get("endDate").asText());
    int limit = body.get("limit").asInt();
    int page = body.get("page").asInt();
    List<Rec> matching = dataset.stream()
        .filter(r -> !r.start().isBefore(from) && !r.start().isAfter(to))
        .toList();
    int total = matching.size();
    int totalPages = (total + limit - 1) / limit;
    List<Rec> slice = matching.subList(Math.min(total, (page - 1) * limit), Math.min(total, page * limit));
    MockResponse.Builder response = new MockResponse.Builder().code(200).body(envelope(slice.stream().map(Rec::json).toList(), total, totalPages, page < totalPages));
    if (latencyMillis > 0) {
      response.headersDelay(latencyMillis, TimeUnit.MILLISECONDS);
    }
    return response.build();
  }

  static String envelope(List<String> records, long total, int totalPages, boolean hasMore) {
    return "{\"results\": [" + String.join(",\n", records) + "], \"totalResults\": " + total + ", \"totalPages\": "
        + totalPages + ", \"hasMore\": " + hasMore + "}";
  }
}
