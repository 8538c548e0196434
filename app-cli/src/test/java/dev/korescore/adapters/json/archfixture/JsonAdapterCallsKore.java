package dev.korescore.adapters.json.archfixture;

import dev.korescore.adapters.http.RetrofitRawDataAdapter;

/** A deliberately bad "adapters-json" class, test-only: it reaches into the HTTP adapter. */
public final class JsonAdapterCallsKore {
  private JsonAdapterCallsKore() {}

  public static Object client() {
    return RetrofitRawDataAdapter.builder();
  }
}
