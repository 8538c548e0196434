package dev.korescore.adapters.http;

import dev.korescore.adapters.json.JacksonRawDataWireAdapter;
import java.util.Random;
import mockwebserver3.MockWebServer;

/** Test clients pointed at a MockWebServer, with no rate limit and no real sleeping. */
final class Clients {
  static final String SECRET = "s3cr3t-Client-Secret-0123456789-abcdefghij";
  static final String CLIENT_ID = "cs-31ef9587-ef62-5bd0-9af3-f9485c3d830b";
  static final String ACCOUNT = "6639f8cc882f9068043f0001";
  static final String STREAM = "st-5ceb332e-d21a-5675-8b45-7707f37b0001";
  static final String ORG = "o-1234";

  private Clients() {}

  static RetrofitRawDataAdapter.Builder builder(MockWebServer server) {
    return RetrofitRawDataAdapter.builder()
        .host("http://127.0.0.1:" + server.getPort())
        .accountId(ACCOUNT)
        .streamId(STREAM)
        .orgId(ORG)
        .credentials(KoreCredentials.clientCredentials(CLIENT_ID, Secret.of(SECRET)))
        .wireFormat(JacksonRawDataWireAdapter.create())
        .rateLimiter(RateLimiter.unlimited(System::nanoTime, d -> {}))
        .random(new Random(42))
        .sleeper(d -> {});
  }
}
