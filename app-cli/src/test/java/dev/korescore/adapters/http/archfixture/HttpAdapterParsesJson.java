package dev.korescore.adapters.http.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberately bad "adapters-http" class, test-only: it parses JSON instead of asking the wire format. */
public final class HttpAdapterParsesJson {
  private HttpAdapterParsesJson() {}

  public static Object parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
