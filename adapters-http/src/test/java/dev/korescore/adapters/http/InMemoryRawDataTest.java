package dev.korescore.adapters.http;

import dev.korescore.core.fetch.FetchRawDataPort;
import java.util.List;

/** The in-memory fake honours the port's contract, so tests of consumers can rely on it. */
class InMemoryRawDataTest extends FetchRawDataPortContract {
  @Override
  FetchRawDataPort portServing(List<FakeKore.Rec> dataset) {
    return new InMemoryRawData(dataset);
  }
}
