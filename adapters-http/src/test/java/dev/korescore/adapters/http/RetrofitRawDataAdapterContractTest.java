package dev.korescore.adapters.http;

import dev.korescore.core.fetch.FetchRawDataPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;

/** The HTTP adapter honours the port's contract over loopback HTTP, paging 3 records at a time, 2 in flight. */
class RetrofitRawDataAdapterContractTest extends FetchRawDataPortContract {
  private final MockWebServer server = new MockWebServer();
  private RetrofitRawDataAdapter adapter;

  @Override
  FetchRawDataPort portServing(List<FakeKore.Rec> dataset) {
    FakeKore fake = new FakeKore();
    fake.dataset.addAll(dataset);
    server.setDispatcher(fake);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    adapter = Clients.builder(server).pageSize(3).concurrency(2).build();
    return adapter;
  }

  @AfterEach
  void stop() {
    if (adapter != null) {
      adapter.close();
    }
    server.close();
  }
}
